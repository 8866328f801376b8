package io.flashsale.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: data services, Payara domain, deploy, wait for readiness, print the URLs, then stay in
 * the foreground until Ctrl-C, which stops everything this started.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        PlatformSettings settings = PlatformSettings.resolve();
        Platform platform = new Platform(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Platform.log("stopping...");
            platform.close();
            stopped.countDown();
        }, "flashsale-shutdown"));
        try {
            platform.start();
            platform.deploy();
            platform.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            System.err.println("[flashsale] start failed: " + e.getMessage());
            System.err.println("[flashsale] Payara log: " + platform.domain().serverLog());
            platform.close();
            System.exit(1);
        }
        String base = settings.httpBaseUrl();
        System.out.printf("""

                [flashsale] ready in %.1f s
                  API            %s/api/v1/products
                  Admin console  http://127.0.0.1:%d  (user admin, password in %s)
                  Health         %s/health  (ready: /health/ready, live: /health/live)
                  Metrics        %s/metrics
                  OpenAPI        %s/openapi
                  Logs           %s  and  %s
                  API admin      %s (%s)
                Press Ctrl-C to stop everything.
                %n""", (System.nanoTime() - t0) / 1e9, base, settings.adminPort(),
                settings.secrets().payaraAdminPasswordFile(), base, base, base,
                platform.domain().serverLog(), settings.logDir(), settings.secrets().admin().username(),
                settings.secrets().adminFromEnvironment() ? "password from SECKILL_ADMIN_PASSWORD"
                        : "password in " + settings.secrets().adminPasswordFile());
        stopped.await();
    }
}
