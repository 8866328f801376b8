package io.flashsale.platform;

import io.flashsale.platform.payara.DomainConfiguration;

import java.time.Duration;
import java.util.stream.Collectors;
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
            System.err.println("[flashsale] Payara logs: " + platform.domain().serverLogs());
            platform.close();
            System.exit(1);
        }
        String base = settings.instances().group() ? settings.loadBalancerUrl() : settings.httpBaseUrl();
        System.out.printf("""

                [flashsale] ready in %.1f s
                  API            %s/api/v1/products
                  Admin console  http://127.0.0.1:%d  (user admin, password in %s)
                  Health         %s/health  (ready: /health/ready, live: /health/live)
                  Metrics        %s/metrics
                  OpenAPI        %s/openapi
                  Logs           %s  and  %s
                  API admin      %s (%s)
                %sPress Ctrl-C to stop everything.
                %n""", (System.nanoTime() - t0) / 1e9, base, settings.adminPort(),
                settings.secrets().payaraAdminPasswordFile(), base, base, base,
                platform.domain().serverLogs().stream().map(Object::toString).collect(Collectors.joining("  ")),
                settings.logDir(), settings.secrets().admin().username(),
                settings.secrets().adminFromEnvironment() ? "password from SECKILL_ADMIN_PASSWORD"
                        : "password in " + settings.secrets().adminPasswordFile(), instances(settings));
        stopped.await();
    }

    /** With a deployment group, every instance's address: a load balancer in front spreads buyers over them. */
    private static String instances(PlatformSettings settings) {
        if (!settings.instances().group()) {
            return "";
        }
        StringBuilder lines = new StringBuilder("  Instances of deployment group "
                + DomainConfiguration.DEPLOYMENT_GROUP + " (behind the load balancer on " + settings.loadBalancerUrl()
                + "):\n");
        for (int i = 1; i <= settings.instances().count(); i++) {
            lines.append(String.format("    %-12s %s%n", settings.instances().name(i),
                    settings.httpBaseUrls().get(i - 1)));
        }
        return lines.toString();
    }
}
