package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Stale-if-error: the last good answer of each read, kept {@code gateway.cache.stale-max-age} after it was fetched
 * ({@code gateway.cache.stale-max-entries} at most, least recently used dropped first). When upstream fails with a
 * fault (down, slow, rate limiting) and the read has such a copy, the copy is served and the request marked stale.
 * <p>
 * A {@link LocalCaches} instance rather than a Quarkus cache, whose replace notification on every put started a
 * new thread. Its statistics are published as cache {@code vobiz-stale} while the bean lives: destroying the bean
 * (CDI {@code Instance.destroy}) drops every copy and its meters, and the next read starts a new store.
 */
@ApplicationScoped
public class StaleCopies {

    private static final String METRICS_NAME = "vobiz-stale";
    private static final Logger LOG = Logger.getLogger(StaleCopies.class);

    /** A good answer and when it was fetched. */
    private record Stamped(Object value, Instant fetchedAt) {
    }

    private final boolean serveOnError;
    private final com.github.benmanes.caffeine.cache.Cache<String, Stamped> copies;
    private final MeterRegistry metrics;

    StaleCopies(ResilienceConfig config, MeterRegistry metrics) {
        this.serveOnError = config.cache().staleIfError();
        this.metrics = metrics;
        this.copies = LocalCaches.newBuilder()
                .maximumSize(config.cache().staleMaxEntries())
                .expireAfterWrite(config.cache().staleMaxAge())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, copies, METRICS_NAME);
    }

    /** Keeps {@code value}, fetched now, as the last good answer under {@code key}. */
    void keep(String key, Object value) {
        copies.put(key, new Stamped(value, Instant.now()));
    }

    /**
     * {@code answer}, or, when it fails with an upstream fault and {@code read} has a copy not older than
     * {@code stale-max-age} (the store's expiry), that copy; {@code request} (may be {@code null}) learns its age.
     * Unchanged when {@code gateway.cache.stale-if-error} is off.
     */
    @SuppressWarnings("unchecked")
    <T> Uni<T> onFault(UpstreamRead<T> read, Uni<T> answer, Supplier<RequestScope> request) {
        if (!serveOnError) {
            return answer;
        }
        return answer.onFailure(StaleCopies::isUpstreamFault).recoverWithUni(failure -> {
            Stamped stamped = copies.getIfPresent(read.key());
            if (stamped == null) {
                return Uni.createFrom().failure(failure);
            }
            Duration age = Duration.between(stamped.fetchedAt(), Instant.now());
            LOG.debugf("Serving a stale %s response (%d s old) after an upstream failure", read.endpoint(),
                    age.toSeconds());
            RequestScope scope = request.get();
            if (scope != null) {
                scope.servedStale(age);
            }
            return Uni.createFrom().item((T) stamped.value());
        });
    }

    /** Failures where a stale copy beats an error: the upstream is down, slow, or rate limiting us. */
    private static boolean isUpstreamFault(Throwable failure) {
        return failure instanceof UpstreamUnavailableException || failure instanceof UpstreamTimeoutException
                || failure instanceof UpstreamRateLimitedException;
    }

    /** Unpublishes this store's statistics, so the next store publishes its own under the same name. */
    @PreDestroy
    void unpublish() {
        for (Meter meter : metrics.getMeters()) {
            if (METRICS_NAME.equals(meter.getId().getTag("cache"))) {
                metrics.remove(meter);
            }
        }
        copies.invalidateAll();
    }
}
