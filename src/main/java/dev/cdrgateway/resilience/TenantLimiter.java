package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bounded upstream concurrency per tenant: at most {@code gateway.upstream.tenant-concurrency} calls of one
 * tenant run at once and the rest wait in a bounded queue, so one tenant's huge fan-out (500-row windows across
 * dozens of customers) cannot starve the others. Calls of different tenants never wait for each other.
 */
@ApplicationScoped
public class TenantLimiter {

    private final int concurrency;
    private final int queue;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    TenantLimiter(ResilienceConfig config) {
        this.concurrency = config.upstream().tenantConcurrency();
        this.queue = config.upstream().tenantQueue();
    }

    /** One tenant's permits and waiting calls. */
    private static final class Lane {
        int inFlight;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    /** Runs {@code call} when the tenant has a free slot. */
    public <T> Uni<T> run(String tenant, Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Lane lane = lanes.computeIfAbsent(tenant, t -> new Lane());
            java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            Runnable start = () -> {
                if (over.get()) {
                    // Nobody waits for it any more (the request's deadline passed while it was queued)
                    release(lane);
                    return;
                }
                call.get()
                        .onTermination().invoke(() -> release(lane))
                        .subscribe().with(emitter::complete, emitter::fail);
            };
            boolean runNow;
            synchronized (lane) {
                runNow = lane.inFlight < concurrency;
                if (runNow) {
                    lane.inFlight++;
                } else if (lane.waiting.size() < queue) {
                    lane.waiting.add(start);
                } else {
                    emitter.fail(new UpstreamUnavailableException(
                            "Too many upstream calls are waiting for this tenant; retry later", 0));
                    return;
                }
            }
            if (runNow) {
                start.run();
            }
        });
    }

    private static void release(Lane lane) {
        Runnable next;
        synchronized (lane) {
            next = lane.waiting.poll();
            if (next == null) {
                lane.inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
