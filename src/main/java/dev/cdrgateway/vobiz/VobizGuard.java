package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.util.function.Supplier;

/**
 * One circuit breaker per Vobiz API, shared by every call to that API (each call goes through the one guarded
 * method of its API). Only upstream faults count: 5xx, timeouts and connection errors. A tenant's revoked
 * credentials (401/403), unknown ids (404) and rate limiting (429) are answers, not faults, so they can never
 * open the circuit for everyone. {@code @AsynchronousNonBlocking}: the breaker judges the outcome of the
 * returned {@code Uni}, on the calling (event loop) thread. Thresholds are configurable, e.g.
 * {@code quarkus.fault-tolerance."dev.cdrgateway.vobiz.VobizGuard/partner".circuit-breaker.delay}.
 */
@ApplicationScoped
public class VobizGuard {

    /** Circuit breaker names, for {@code CircuitBreakerMaintenance} and metrics. */
    public static final String PARTNER = "vobiz-partner";
    public static final String ACCOUNT = "vobiz-account";

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {UpstreamUnavailableException.class, UpstreamTimeoutException.class})
    @CircuitBreakerName(PARTNER)
    @AsynchronousNonBlocking
    public <T> Uni<T> partner(Supplier<Uni<T>> call) {
        return call.get();
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {UpstreamUnavailableException.class, UpstreamTimeoutException.class})
    @CircuitBreakerName(ACCOUNT)
    @AsynchronousNonBlocking
    public <T> Uni<T> account(Supplier<Uni<T>> call) {
        return call.get();
    }
}
