package dev.cdrgateway.live;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One shared, hot stream of new calls for one tenant, upstream identity and customer (or one tenant's partner-wide
 * log): polls upstream every interval while it has subscribers, remembers the UUIDs it has seen and pushes each
 * new call once, oldest first, to every current subscriber. The first successful poll only seeds the seen set, so
 * subscribers get calls that completed after the feed started.
 *
 * <p>Upstream faults (unavailable, timeout, rate limited, open circuit) keep the feed alive: it waits longer
 * (doubling up to the maximum backoff) and polls again, and logs the error code only. Answers that will not get
 * better by waiting (credentials rejected, the customer no longer exists) end the feed: every subscriber receives
 * that error, coded like a query's, and the subscription completes.
 */
final class CallFeed {

    private static final Logger LOG = Logger.getLogger(CallFeed.class);

    private final String tenant;
    private final String customerId;
    private final Supplier<Uni<List<Call>>> poll;
    private final Vertx vertx;
    private final LiveConfig config;
    private final Consumer<CallFeed> ended;
    private final BroadcastProcessor<Call> processor = BroadcastProcessor.create();
    private final SeenCalls seen;

    /** Current subscribers; changed only inside the registry's atomic map operations. */
    volatile int subscribers;
    private volatile boolean stopped;
    private volatile long timer = -1;
    private boolean seeded;
    private int failures;

    /**
     * @param customerId the customer whose calls this feed carries, {@code null} for the partner-wide log
     * @param poll       reads the newest calls as upstream has them now
     * @param ended      told when the feed ends by itself (a permanent upstream error)
     */
    CallFeed(String tenant, String customerId, Supplier<Uni<List<Call>>> poll, Vertx vertx, LiveConfig config,
             Consumer<CallFeed> ended) {
        this.tenant = tenant;
        this.customerId = customerId;
        this.poll = poll;
        this.vertx = vertx;
        this.config = config;
        this.ended = ended;
        this.seen = new SeenCalls(Math.max(config.rememberedCalls(), config.pollSize()));
    }

    /** The calls pushed from now on. Slow subscribers get a bounded buffer rather than a back-pressure failure. */
    Multi<Call> calls() {
        return processor.onOverflow().buffer(config.rememberedCalls());
    }

    void start() {
        schedule(Duration.ZERO);
    }

    /** Stops polling (the last subscriber left). A poll in flight finishes, but its calls are dropped. */
    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        if (delay.isZero()) {
            vertx.runOnContext(v -> pollOnce());
        } else {
            timer = vertx.setTimer(delay.toMillis(), id -> pollOnce());
        }
    }

    private void pollOnce() {
        if (stopped) {
            return;
        }
        poll.get().subscribe().with(this::received, this::failed);
    }

    private void received(List<Call> newestFirst) {
        if (stopped) {
            return;
        }
        failures = 0;
        List<Call> fresh = new ArrayList<>();
        for (Call call : newestFirst) {
            // A customer feed only ever carries that customer's calls, whatever upstream returns.
            boolean ours = customerId == null || customerId.equals(call.customerId());
            if (ours && call.uuid() != null && seen.add(call.uuid())) {
                fresh.add(call);
            }
        }
        if (seeded) {
            if (!fresh.isEmpty() && fresh.size() == newestFirst.size() && newestFirst.size() >= config.pollSize()) {
                LOG.debugf("Live feed of tenant %s: every polled call was new; calls may have been missed "
                        + "(raise gateway.live.poll-size or lower gateway.live.poll-interval)", tenant);
            }
            for (int i = fresh.size() - 1; i >= 0; i--) {
                processor.onNext(fresh.get(i));
            }
        }
        seeded = true;
        schedule(config.pollInterval());
    }

    private void failed(Throwable failure) {
        if (stopped) {
            return;
        }
        if (permanent(failure)) {
            LOG.warnf("Live feed of tenant %s ended: upstream answered %s", tenant, code(failure));
            stopped = true;
            ended.accept(this);
            processor.onError(failure instanceof UpstreamNotFoundException && customerId != null
                    ? AccessPolicy.notFoundCustomer(customerId) : failure);
            return;
        }
        failures++;
        long doubled = config.pollInterval().toMillis() << Math.min(failures, 20);
        Duration wait = Duration.ofMillis(Math.min(doubled, Math.max(config.maxBackoff().toMillis(),
                config.pollInterval().toMillis())));
        LOG.warnf("Live feed poll of tenant %s failed (%s); polling again in %d ms", tenant, code(failure),
                wait.toMillis());
        schedule(wait);
    }

    /** Errors that polling again will not fix: rejected credentials or request, an unknown customer. */
    private static boolean permanent(Throwable failure) {
        return failure instanceof UpstreamNotFoundException || failure instanceof GatewayException g && !g.retryable();
    }

    private static String code(Throwable failure) {
        if (failure instanceof GatewayException g) {
            return g.code();
        }
        return failure instanceof UpstreamNotFoundException ? "NOT_FOUND" : failure.getClass().getSimpleName();
    }
}
