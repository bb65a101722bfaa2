package dev.cdrgateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Identical reads in flight share one upstream call, for the reads the {@link ResponseCache} does not hold: fresh
 * reads (live feed polls) and every read when caching is off. Nothing is remembered once the call has answered.
 */
@ApplicationScoped
class Coalescing {

    private final Map<String, Uni<?>> inFlight = new ConcurrentHashMap<>();
    private final Counter joined;

    Coalescing(MeterRegistry metrics) {
        this.joined = Counter.builder("gateway.upstream.shared.reads")
                .description("Reads that joined an identical upstream call already in flight instead of making one")
                .register(metrics);
    }

    /** The call in flight under {@code key}, or {@code load}'s, shared until it answers. */
    @SuppressWarnings("unchecked")
    <T> Uni<T> share(String key, Supplier<Uni<T>> load) {
        return Uni.createFrom().deferred(() -> {
            boolean[] started = {false};
            Uni<?> call = inFlight.computeIfAbsent(key, k -> {
                started[0] = true;
                return load.get().onTermination().invoke(() -> inFlight.remove(k)).memoize().indefinitely();
            });
            if (!started[0]) {
                joined.increment();
            }
            return (Uni<T>) call;
        });
    }
}
