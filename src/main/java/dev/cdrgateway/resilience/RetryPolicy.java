package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.UpstreamCircuitOpenException;
import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries of idempotent reads ({@code gateway.upstream.retry.*}): on 429, honouring {@code Retry-After} up to
 * {@code max-retry-after}, and on 502, 503, 504 and connection errors, with exponential backoff and jitter; at
 * most {@code max-attempts} in all, and none that would start after the deadline. An open circuit is not retried.
 * Each retry counts in {@code gateway.upstream.retries} by endpoint.
 * <p>
 * Written by hand: SmallRye Fault Tolerance's retry has a fixed maximum duration per guard, while here the delay
 * depends on the failure ({@code Retry-After}) and the deadline on the request.
 */
@ApplicationScoped
class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final ResilienceConfig.Retry config;
    private final MeterRegistry metrics;

    RetryPolicy(ResilienceConfig config, MeterRegistry metrics) {
        this.config = config.upstream().retry();
        this.metrics = metrics;
    }

    /** {@code attempt}'s answer, attempted again after each retryable failure while the rules allow. */
    <T> Uni<T> run(String endpoint, Instant deadline, Supplier<Uni<T>> attempt) {
        return run(endpoint, deadline, attempt, 1);
    }

    private <T> Uni<T> run(String endpoint, Instant deadline, Supplier<Uni<T>> attempt, int number) {
        return attempt.get().onFailure().recoverWithUni(failure -> {
            Optional<Duration> delay = delay(failure, number);
            if (delay.isEmpty() || number >= config.maxAttempts()
                    || Instant.now().plus(delay.get()).isAfter(deadline)) {
                return Uni.createFrom().failure(failure);
            }
            metrics.counter("gateway.upstream.retries", "endpoint", endpoint).increment();
            LOG.debugf("Retrying %s in %d ms (attempt %d failed: %s)", endpoint, delay.get().toMillis(), number,
                    failure.getClass().getSimpleName());
            return Uni.createFrom().voidItem().onItem().delayIt().by(delay.get())
                    .flatMap(ignored -> run(endpoint, deadline, attempt, number + 1));
        });
    }

    /** The wait before retrying, or empty when this failure must not be retried. */
    private Optional<Duration> delay(Throwable failure, int attempt) {
        if (failure instanceof UpstreamRateLimitedException limited) {
            if (limited.retryAfter().isPresent()) {
                Duration asked = limited.retryAfter().get();
                return asked.compareTo(config.maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(asked);
            }
            return Optional.of(backoff(attempt));
        }
        if (failure instanceof UpstreamUnavailableException unavailable
                && !(failure instanceof UpstreamCircuitOpenException)) {
            int status = unavailable.status();
            boolean transientFault = status == 0 || status == 502 || status == 503 || status == 504;
            return transientFault ? Optional.of(backoff(attempt)) : Optional.empty();
        }
        return Optional.empty();
    }

    private Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        double spread = 1 + config.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * spread)));
    }
}
