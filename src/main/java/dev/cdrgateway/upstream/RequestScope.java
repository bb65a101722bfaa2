package dev.cdrgateway.upstream;

import dev.cdrgateway.GatewayConfig;
import io.quarkus.arc.Unremovable;
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
    private final Map<String, Uni<?>> reads = new HashMap<>();
    private Duration staleAge;
    private int upstreamCalls;

    RequestScope(GatewayConfig config) {
        this.deadline = Instant.now().plus(config.upstream().requestBudget());
    }

    /** No retry may start after this instant. */
    public Instant deadline() {
        return deadline;
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
