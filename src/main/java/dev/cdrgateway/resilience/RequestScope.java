package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per GraphQL request upstream bookkeeping (looked up programmatically, hence unremovable): the retry time
 * budget (starting with the request's first upstream call), the number of calls that reached Vobiz (for the
 * request log) and the age of the oldest stale entry served, reported as {@code extensions.stale}.
 */
@RequestScoped
@Unremovable
public class RequestScope {

    private final Instant deadline;
    /** When the GraphQL request must be answered; {@code null} outside one (a WebSocket, an export). */
    private final Instant requestDeadline;
    private final Duration requestTimeout;
    private final Map<String, Uni<?>> reads = new HashMap<>();
    private Duration staleAge;
    private int upstreamCalls;

    RequestScope(ResilienceConfig config, CurrentVertxRequest request) {
        RoutingContext rc = request.getCurrent();
        this.requestDeadline = rc == null ? null : RequestDeadline.of(rc).map(RequestDeadline::at).orElse(null);
        this.requestTimeout = config.limits().requestTimeout();
        Instant retries = Instant.now().plus(config.upstream().requestBudget());
        this.deadline = requestDeadline != null && requestDeadline.isBefore(retries) ? requestDeadline : retries;
    }

    /** No retry may start after this instant (the retry budget, or the request's deadline when that is sooner). */
    public Instant deadline() {
        return deadline;
    }

    /**
     * The read, failing with {@code UPSTREAM_TIMEOUT} when the request's deadline passes before it answers (or
     * has passed before it starts): the request stops waiting, and a call still queued for the tenant's
     * concurrency lane is not started. Unchanged outside a GraphQL request over HTTP.
     */
    <T> Uni<T> withinDeadline(Uni<T> read) {
        if (requestDeadline == null) {
            return read;
        }
        return Uni.createFrom().deferred(() -> {
            Duration left = Duration.between(Instant.now(), requestDeadline);
            if (left.isNegative() || left.isZero()) {
                return Uni.createFrom().failure(deadlinePassed());
            }
            return read.ifNoItem().after(left).failWith(this::deadlinePassed);
        });
    }

    private UpstreamTimeoutException deadlinePassed() {
        return new UpstreamTimeoutException("The request took longer than its " + requestTimeout.toMillis()
                + " ms limit waiting for Vobiz; retry later, or ask for less at once");
    }

    /** Records that a stale entry of the given age was served. */
    public synchronized void servedStale(Duration age) {
        if (staleAge == null || age.compareTo(staleAge) > 0) {
            staleAge = age;
        }
    }

    /**
     * The result of an upstream read within this request: the first caller's read is shared by every later one
     * with the same key (same identity, endpoint and parameters), so one GraphQL request never reads the same
     * upstream resource twice, with or without the cache (e.g. a customer record used for routing and shown).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> Uni<T> once(String key, Supplier<Uni<T>> read) {
        return (Uni<T>) reads.computeIfAbsent(key, k -> read.get().memoize().indefinitely());
    }

    /** Counts one call that reached Vobiz (each retry attempt counts). */
    public synchronized void countUpstreamCall() {
        upstreamCalls++;
    }

    /** Calls that reached Vobiz for this request. */
    public synchronized int upstreamCalls() {
        return upstreamCalls;
    }

    /** Age of the oldest stale entry served in this request, or {@code null} if all data is fresh. */
    public synchronized Duration staleAge() {
        return staleAge;
    }
}
