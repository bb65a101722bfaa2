package dev.cdrgateway.resilience;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every upstream call goes through here, and this class is where the order of the stages is written. A read
 * passes, outermost first:
 * <ol>
 * <li>once per GraphQL request ({@link RequestScope#once}), bounded by the request's deadline;</li>
 * <li>stale-if-error ({@link StaleCopies}): an upstream fault is answered with the last good copy, marked stale;</li>
 * <li>the response cache ({@link ResponseCache}), or, for reads it does not hold, coalescing ({@link Coalescing});</li>
 * <li>the tenant's concurrency limit ({@link TenantLimiter});</li>
 * <li>retries ({@link RetryPolicy}), bounded by the request's retry budget;</li>
 * <li>the API's circuit breaker, then the endpoint's timeout ({@link UpstreamAttempt});</li>
 * <li>the call itself.</li>
 * </ol>
 * Whatever answered, the reader gets the answer on its own Vert.x context ({@link CallersContext}).
 * Where a read is remembered, and why each memo exists (all under {@link UpstreamRead#key()}):
 * <ul>
 * <li>{@link RequestScope#once}: one GraphQL request reads a resource once, even uncached and when two fields need
 * it (a customer record used for routing and shown). Lives as long as the request.</li>
 * <li>{@link ResponseCache}: answers across requests for their TTL class. It also shares a miss's load with
 * concurrent misses of the key, which is why cached reads skip {@link Coalescing}.</li>
 * <li>{@link Coalescing}: the same sharing of a call in flight, for the reads the cache does not hold. Nothing is
 * kept once the call answered.</li>
 * <li>{@link StaleCopies}: the last good answers beyond their TTL, only ever served when upstream fails.</li>
 * </ul>
 * {@link #prime} writes into the response cache and the stale copies, under the key of the read a value makes
 * unnecessary. Outside the pipeline no upstream answer is stored again: the paging layer only points a summary
 * at a page already requested, and the router remembers which API serves a customer, not its data.
 */
@ApplicationScoped
public class UpstreamPipeline {

    private final ResponseCache cache;
    private final StaleCopies stale;
    private final Coalescing coalescing;
    private final TenantLimiter limiter;
    private final RetryPolicy retries;
    private final UpstreamAttempt attempt;
    private final CurrentRequest requests;
    private final Duration retryBudget;

    UpstreamPipeline(ResponseCache cache, StaleCopies stale, Coalescing coalescing, TenantLimiter limiter,
                     RetryPolicy retries, UpstreamAttempt attempt, CurrentRequest requests,
                     ResilienceConfig config) {
        this.cache = cache;
        this.stale = stale;
        this.coalescing = coalescing;
        this.limiter = limiter;
        this.retries = retries;
        this.attempt = attempt;
        this.requests = requests;
        this.retryBudget = config.upstream().requestBudget();
    }

    /** Performs the read with caching, coalescing and fault tolerance, at most once per GraphQL request. */
    public <T> Uni<T> read(UpstreamRead<T> read) {
        RequestScope request = requests.orNull();
        if (request == null) {
            return CallersContext.deliverOnCallers(stale.onFault(read, cachedOrShared(read), requests::orNull));
        }
        return request.once(read.key(), () -> CallersContext.deliverOnCallers(
                request.withinDeadline(stale.onFault(read, cachedOrShared(read), requests::orNull))));
    }

    /**
     * A read that must see upstream's current answer (live feeds poll with it): no response cache and no stale
     * copy served, but shared with identical reads in flight, limited by the read's tenant lane (a poll runs
     * outside any GraphQL request), retried, guarded and timed out like any read.
     */
    public <T> Uni<T> readFresh(UpstreamRead<T> read) {
        return CallersContext.deliverOnCallers(coalescing.share(read.key(), () -> upstream(read)));
    }

    /**
     * One guarded upstream call that must be neither cached nor shared: a page of a streaming export (whose pages
     * would otherwise fill the caches with every row) or the opening of a streamed body. It keeps the rest of the
     * pipeline: the tenant's concurrency limit, retries (with a time budget starting now, so late pages of a long
     * export may still retry), the API's circuit breaker and the endpoint's timeout. For a stream, the timeout and
     * the breaker judge the returned {@code Uni}, i.e. until the response headers.
     *
     * @param tenant the tenant whose concurrency lane the call takes (explicit: streams outlive request contexts)
     */
    public <T> Uni<T> guarded(UpstreamApi api, String endpoint, String tenant, Supplier<Uni<T>> call) {
        UpstreamRead<T> read = new UpstreamRead<>(api, endpoint, tenant, tenant, CacheClass.OPEN, Map.of(), call);
        return CallersContext.deliverOnCallers(limiter.run(tenant,
                () -> retries.run(endpoint, Instant.now().plus(retryBudget), () -> attempt.run(read))));
    }

    /**
     * Stores a value another read already returned (e.g. customer records inside a customer list) under the key
     * the equivalent single read would use, so that read is not made again. No-op with caching off.
     */
    public void prime(UpstreamRead<?> equivalentRead, Object value) {
        if (!cache.enabled()) {
            return;
        }
        cache.put(equivalentRead, value);
        stale.keep(equivalentRead.key(), value);
    }

    private <T> Uni<T> cachedOrShared(UpstreamRead<T> read) {
        Supplier<Uni<T>> load = () -> upstream(read);
        return cache.enabled() ? cache.get(read, load) : coalescing.share(read.key(), load);
    }

    /** The tenant's lane, then retries of guarded, timed attempts; a good answer becomes the read's stale copy. */
    private <T> Uni<T> upstream(UpstreamRead<T> read) {
        Instant deadline = retryDeadline();
        return limiter.run(read.tenant(), () -> retries.run(read.endpoint(), deadline, () -> attempt.run(read)))
                .invoke(value -> stale.keep(read.key(), value));
    }

    /** No retry starts after this: the request's deadline, or outside a request the retry budget from now. */
    private Instant retryDeadline() {
        RequestScope request = requests.orNull();
        return request != null ? request.deadline() : Instant.now().plus(retryBudget);
    }
}
