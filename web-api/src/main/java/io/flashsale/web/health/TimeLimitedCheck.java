package io.flashsale.web.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a probe of a dependency with a hard time limit, so that a dependency that hangs (instead of refusing the
 * connection) still gives a fast DOWN and {@code /health/ready} stays fast.
 */
final class TimeLimitedCheck {

    private TimeLimitedCheck() {
    }

    static HealthCheckResponse run(String name, ExecutorService executor, Duration limit, Callable<String> probe) {
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                return probe.call();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
        }, executor);
        try {
            String endpoint = result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(name).up().withData("endpoint", endpoint).build();
        } catch (TimeoutException e) {
            result.cancel(true);
            return HealthCheckResponse.named(name).down()
                    .withData("error", "no answer within " + limit.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(name).down().withData("error", "interrupted").build();
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof IllegalStateException ise && ise.getCause() != null
                    ? ise.getCause() : e.getCause();
            return HealthCheckResponse.named(name).down().withData("error", String.valueOf(cause)).build();
        }
    }
}
