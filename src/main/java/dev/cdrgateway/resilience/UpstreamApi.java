package dev.cdrgateway.resilience;

import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * One upstream API as the pipeline sees it: the name its error messages use, and the circuit breaker every call
 * to it passes. The provider adapter implements it, one instance per API, and each {@link UpstreamRead} carries
 * the API that serves it: the pipeline applies the breaker without knowing which vendor stands behind it.
 */
public interface UpstreamApi {

    /** How error messages name the API, e.g. {@code Vobiz partner API}. */
    String displayName();

    /**
     * Runs {@code call} through this API's circuit breaker, which judges the outcome of the returned {@code Uni}.
     * An open breaker fails with MicroProfile Fault Tolerance's {@code CircuitBreakerOpenException}, which the
     * pipeline answers as {@code UPSTREAM_CIRCUIT_OPEN}.
     */
    <T> Uni<T> throughBreaker(Supplier<Uni<T>> call);
}
