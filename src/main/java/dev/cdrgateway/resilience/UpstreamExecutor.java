package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.vobiz.VobizGuard;

import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UpstreamCircuitOpenException;
import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import dev.cdrgateway.security.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.arc.Arc;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Every upstream read goes through here, in this order: response cache (key = credential identity + endpoint
 * + normalised parameters, never a token; TTL by {@link CacheClass}) → coalescing of identical in-flight reads
 * → per-tenant concurrency limit → retries with exponential backoff and jitter (429 honouring
 * {@code Retry-After}, 502/503/504 and connection errors only; bounded by the request's time budget) → the
 * API's circuit breaker → the endpoint's timeout → the REST call. When it all fails with an upstream fault and
 * a recently expired copy exists, that copy is served and the response is marked stale.
 */
@ApplicationScoped
public class UpstreamExecutor {

    private static final Logger LOG = Logger.getLogger(UpstreamExecutor.class);

    /** Which circuit breaker guards a call. */
    public enum Api {
        PARTNER, ACCOUNT;

        public String label() {
            return name().toLowerCase();
        }
    }

    /**
     * One upstream read.
     *
     * @param endpoint  e.g. {@code partner.cdrs}; selects the timeout and names the cache key and metrics
     * @param identity  whose data this is (an auth id, never a token)
     * @param params    the normalised query parameters
     */
    public record Read<T>(Api api, String endpoint, String identity, CacheClass cacheClass, Map<String, String> params,
                          Supplier<Uni<T>> call) {
    }

    /** A cached value and when it was fetched, kept beyond its TTL for stale-if-error. */
    private record Stamped(Object value, Instant fetchedAt) {
    }

    private final ResilienceConfig config;
    private final VobizGuard guard;
    private final TenantLimiter limiter;
    private final Map<CacheClass, Cache> caches;
    private final com.github.benmanes.caffeine.cache.Cache<String, Stamped> stale;
    private final Map<String, Uni<?>> inFlight = new ConcurrentHashMap<>();
    /** Registered upstream timers by endpoint, outcome and tenant: a registry lookup per call costs more. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    UpstreamExecutor(ResilienceConfig config, VobizGuard guard, TenantLimiter limiter, MeterRegistry metrics,
                     @CacheName("vobiz-closed") Cache closed, @CacheName("vobiz-open") Cache open,
                     @CacheName("vobiz-customers") Cache customers) {
        this.config = config;
        this.guard = guard;
        this.limiter = limiter;
        this.metrics = metrics;
        this.caches = Map.of(CacheClass.CLOSED, closed, CacheClass.OPEN, open, CacheClass.CUSTOMERS, customers);
        this.stale = staleStore(config.cache(), metrics);
    }

    /** Performs the read with caching, coalescing and fault tolerance, at most once per GraphQL request. */
    public <T> Uni<T> read(Read<T> read) {
        String key = cacheKey(read);
        Optional<RequestScope> scope = requestScope();
        if (scope.isEmpty()) {
            return readShared(key, read);
        }
        RequestScope request = scope.get();
        return request.once(key, () -> request.withinDeadline(readShared(key, read)));
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> readShared(String key, Read<T> read) {
        Supplier<Uni<T>> load = () -> coalesced(key, read);
        Uni<T> value = config.cache().enabled()
                ? caches.get(read.cacheClass()).getAsync(key, k -> load.get())
                : load.get();
        if (!config.cache().staleIfError()) {
            return value;
        }
        return value.onFailure(UpstreamExecutor::isUpstreamFault).recoverWithUni(failure -> {
            Stamped stamped = stale.getIfPresent(key);
            if (stamped == null) {
                return Uni.createFrom().failure(failure);
            }
            Duration age = Duration.between(stamped.fetchedAt(), Instant.now());
            if (age.compareTo(config.cache().staleMaxAge()) > 0) {
                return Uni.createFrom().failure(failure);
            }
            LOG.debugf("Serving a stale %s response (%d s old) after an upstream failure", read.endpoint(),
                    age.toSeconds());
            requestScope().ifPresent(scope -> scope.servedStale(age));
            return Uni.createFrom().item((T) stamped.value());
        });
    }

    /**
     * One guarded upstream call that must be neither cached nor shared: a page of a streaming export (whose pages
     * would otherwise fill the caches with every row) or the opening of a streamed body. It keeps the rest of the
     * machinery: the tenant's concurrency limit, retries (with a time budget starting now, so late pages of a long
     * export may still retry), the API's circuit breaker and the endpoint's timeout. For a stream, the timeout
     * and the breaker judge the returned {@code Uni}, i.e. until the response headers.
     *
     * @param tenant the tenant whose concurrency lane the call takes (explicit: streams outlive request contexts)
     */
    public <T> Uni<T> guarded(Api api, String endpoint, String tenant, Supplier<Uni<T>> call) {
        Read<T> read = new Read<>(api, endpoint, tenant, CacheClass.OPEN, Map.of(), call);
        return limiter.run(tenant, () -> attempt(read, 1, Instant.now().plus(config.upstream().requestBudget())));
    }

    /**
     * A read that must see upstream's current answer (live feeds poll with it): no response cache and no stale
     * copy, but coalesced with identical reads in flight, limited by {@code tenant}'s concurrency lane (a poll
     * runs outside any GraphQL request, so the tenant is named here), retried, guarded and timed out like any read.
     */
    public <T> Uni<T> readFresh(Read<T> read, String tenant) {
        return coalesced(cacheKey(read), read, tenant);
    }

    /**
     * Stores a value another read already returned (e.g. customer records inside a customer list) under the key
     * the equivalent single read would use, so that read is not made again. No-op with caching off.
     */
    public void prime(Read<?> equivalentRead, Object value) {
        if (!config.cache().enabled()) {
            return;
        }
        String key = cacheKey(equivalentRead);
        caches.get(equivalentRead.cacheClass()).as(CaffeineCache.class).put(key, CompletableFuture.completedFuture(value));
        stale.put(key, new Stamped(value, Instant.now()));
    }

    /**
     * The last-good copies for stale-if-error, kept {@code stale-max-age} after they were fetched. A {@link LocalCaches}
     * instance rather than a Quarkus cache, whose replace notification on every put started a new thread.
     */
    private static com.github.benmanes.caffeine.cache.Cache<String, Stamped> staleStore(ResilienceConfig.Cache config,
                                                                                      MeterRegistry metrics) {
        com.github.benmanes.caffeine.cache.Cache<String, Stamped> store = LocalCaches.newBuilder()
                .maximumSize(config.staleMaxEntries())
                .expireAfterWrite(config.staleMaxAge())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, store, "vobiz-stale");
        return store;
    }

    /**
     * Forgets every last-good copy, so no stale copy can be served for reads made before now (the response
     * caches are cleared through Quarkus's {@code CacheManager}; this store is not one of them).
     */
    public void invalidateStaleCopies() {
        stale.invalidateAll();
    }

    /** The cache key: identity, endpoint and parameters in a stable order. Never contains a secret. */
    static String cacheKey(Read<?> read) {
        return read.identity() + "|" + read.endpoint() + "|" + new TreeMap<>(read.params());
    }

    /** Identical reads in flight share one upstream call. */
    private <T> Uni<T> coalesced(String key, Read<T> read) {
        return coalesced(key, read, null);
    }

    /** {@code tenant} names the concurrency lane; {@code null} takes it from the current request. */
    @SuppressWarnings("unchecked")
    private <T> Uni<T> coalesced(String key, Read<T> read, String tenant) {
        return Uni.createFrom().deferred(() -> (Uni<T>) inFlight.computeIfAbsent(key, k -> limiter
                .run(tenant != null ? tenant : tenantKey(), () -> attempt(read, 1, deadline()))
                .invoke(value -> stale.put(k, new Stamped(value, Instant.now())))
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely()));
    }

    private <T> Uni<T> attempt(Read<T> read, int attempt, Instant deadline) {
        Duration timeout = config.upstream().timeouts().getOrDefault(read.endpoint(), config.upstream().defaultTimeout());
        Supplier<Uni<T>> timed = () -> {
            requestScope().ifPresent(RequestScope::countUpstreamCall);
            Timer.Sample sample = Timer.start(metrics);
            return read.call().get().ifNoItem().after(timeout).failWith(() ->
                            new UpstreamTimeoutException("The Vobiz " + read.api().label() + " API did not answer within "
                                    + timeout.toMillis() + " ms; retry later"))
                    .onItemOrFailure().invoke((item, failure) -> sample.stop(upstreamTimer(read.endpoint(), failure)));
        };
        Uni<T> guarded = read.api() == Api.PARTNER ? guard.partner(timed) : guard.account(timed);
        return guarded
                .onFailure(CircuitBreakerOpenException.class).transform(f -> new UpstreamCircuitOpenException(
                        "The Vobiz " + read.api().label() + " API is failing; calls are paused briefly, retry later"))
                .onFailure().recoverWithUni(failure -> {
                    Optional<Duration> delay = retryDelay(failure, attempt);
                    if (delay.isEmpty() || attempt >= config.upstream().retry().maxAttempts()
                            || Instant.now().plus(delay.get()).isAfter(deadline)) {
                        return Uni.createFrom().failure(failure);
                    }
                    metrics.counter("gateway.upstream.retries", "endpoint", read.endpoint()).increment();
                    LOG.debugf("Retrying %s in %d ms (attempt %d failed: %s)", read.endpoint(), delay.get().toMillis(),
                            attempt, failure.getClass().getSimpleName());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(delay.get())
                            .flatMap(ignored -> attempt(read, attempt + 1, deadline));
                });
    }

    /** Latency histogram of upstream calls by endpoint and outcome (tenant only when configured: cardinality). */
    private Timer upstreamTimer(String endpoint, Throwable failure) {
        String outcome = outcome(failure);
        String tenant = config.metrics().tenantLabels() ? tenantKey() : null;
        return timers.computeIfAbsent(endpoint + '|' + outcome + '|' + tenant, k -> {
            Timer.Builder timer = Timer.builder("gateway.upstream.requests")
                    .description("Calls to the Vobiz APIs (each retry attempt counts)")
                    .tag("endpoint", endpoint)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram();
            if (tenant != null) {
                timer.tag("tenant", tenant);
            }
            return timer.register(metrics);
        });
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof UpstreamNotFoundException) {
            return "not_found";
        }
        if (failure instanceof GatewayException gateway) {
            return gateway.code().replace("UPSTREAM_", "").toLowerCase();
        }
        return "error";
    }

    /** The wait before retrying, or empty when this failure must not be retried. */
    private Optional<Duration> retryDelay(Throwable failure, int attempt) {
        ResilienceConfig.Retry retry = config.upstream().retry();
        if (failure instanceof UpstreamRateLimitedException limited) {
            if (limited.retryAfter().isPresent()) {
                Duration asked = limited.retryAfter().get();
                return asked.compareTo(retry.maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(asked);
            }
            return Optional.of(backoff(attempt, retry));
        }
        if (failure instanceof UpstreamUnavailableException unavailable && !(failure instanceof UpstreamCircuitOpenException)) {
            int status = unavailable.status();
            boolean transientFault = status == 0 || status == 502 || status == 503 || status == 504;
            return transientFault ? Optional.of(backoff(attempt, retry)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Duration backoff(int attempt, ResilienceConfig.Retry retry) {
        long base = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, retry.maxBackoff().toMillis());
        double spread = 1 + retry.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * spread)));
    }

    /** Failures where a stale copy beats an error: the upstream is down, slow, or rate limiting us. */
    private static boolean isUpstreamFault(Throwable failure) {
        return failure instanceof UpstreamUnavailableException || failure instanceof UpstreamTimeoutException
                || failure instanceof UpstreamRateLimitedException;
    }

    private Instant deadline() {
        return requestScope().map(RequestScope::deadline)
                .orElseGet(() -> Instant.now().plus(config.upstream().requestBudget()));
    }

    private static Optional<RequestScope> requestScope() {
        return Arc.container().requestContext().isActive()
                ? Optional.of(Arc.container().instance(RequestScope.class).get())
                : Optional.empty();
    }

    private static String tenantKey() {
        if (!Arc.container().requestContext().isActive()) {
            return "-";
        }
        try {
            return Arc.container().instance(TenantContext.class).get().caller().tenant().value();
        } catch (GatewayException e) {
            return "-";
        }
    }
}
