package io.flashsale.web.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a probe of a dependency with a hard time limit, so that a dependency that hangs (instead of refusing the
 * connection) still gives a fast DOWN and {@code /health/ready} stays fast. {@code /health} is public (load balancers
 * and orchestrators read it without credentials), so it says UP or DOWN and why in general terms, never where a
 * dependency is or what it answered: that goes to the server log, once each time the check goes DOWN.
 */
final class TimeLimitedCheck {

    private static final Logger LOG = Logger.getLogger(TimeLimitedCheck.class.getName());
    private static final Map<String, Boolean> LAST_UP = new ConcurrentHashMap<>();

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
            String reached = result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (Boolean.FALSE.equals(LAST_UP.put(name, true))) {
                LOG.log(Level.INFO, "health check {0} is UP again ({1})", new Object[] {name, reached});
            }
            return HealthCheckResponse.named(name).up().build();
        } catch (TimeoutException e) {
            result.cancel(true);
            return down(name, "no answer within " + limit.toMillis() + " ms", "no answer within "
                    + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(name, "interrupted", "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof IllegalStateException ise && ise.getCause() != null
                    ? ise.getCause() : e.getCause();
            return down(name, "unreachable or refused", String.valueOf(cause));
        }
    }

    private static HealthCheckResponse down(String name, String publicReason, String detail) {
        if (!Boolean.FALSE.equals(LAST_UP.put(name, false))) {
            LOG.log(Level.WARNING, "health check {0} is DOWN: {1}", new Object[] {name, detail});
        }
        return HealthCheckResponse.named(name).down().withData("error", publicReason).build();
    }
}
