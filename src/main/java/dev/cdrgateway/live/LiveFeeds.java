package dev.cdrgateway.live;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of live call feeds. Subscribers of the same tenant, upstream identity (the auth id the data is
 * read with, never a token) and customer share one {@link CallFeed}, started by the first subscriber and stopped
 * when the last one leaves; so upstream is polled once per interval per feed, not once per subscriber. Tenants
 * never share a feed, even for the same customer id string.
 */
@ApplicationScoped
public class LiveFeeds {

    /** Which feed: the tenant and the upstream data source ({@link CallScope#identity()}). */
    record FeedKey(String tenant, String source) {
    }

    private final CallSource source;
    private final Vertx vertx;
    private final LiveConfig config;
    private final Map<FeedKey, CallFeed> feeds = new ConcurrentHashMap<>();

    LiveFeeds(CallSource source, Vertx vertx, LiveConfig config) {
        this.source = source;
        this.vertx = vertx;
        this.config = config;
    }

    /** Fails startup on settings no feed could run with, rather than the first subscription. */
    void validate(@Observes StartupEvent event) {
        if (config.pollSize() < 1 || config.pollSize() > 100) {
            throw new IllegalArgumentException("gateway.live.poll-size must be between 1 and 100");
        }
        if (config.pollInterval().toMillis() < 1 || config.maxBackoff().isNegative()) {
            throw new IllegalArgumentException("gateway.live.poll-interval and max-backoff must be positive");
        }
    }

    /**
     * New calls of one customer, or of the whole partner when {@code customerId} is null and the caller is a partner
     * user. Arguments and access are checked before anything else (a customer user naming another customer gets
     * the same {@code NOT_FOUND} a query would, without any upstream call).
     */
    public Multi<Call> callCompleted(Caller caller, String customerId) {
        String customer = AccessPolicy.customerOrOwn(caller, customerId);
        if (customer == null) {
            // Partner users without a customer id: the partner-wide log (one feed per tenant).
            return join(caller, Uni.createFrom().item(() -> source.partnerWide(caller.tenant())), null);
        }
        CustomerIds.requireValid(customer, "customerId");
        AccessPolicy.requireVisible(caller, customer);
        return join(caller, source.customer(caller.tenant(), customer, CallCriteria.NONE), customer);
    }

    private Multi<Call> join(Caller caller, Uni<CallScope> route, String customer) {
        String tenant = caller.tenant().value();
        return route.onItem().transformToMulti(r -> Multi.createFrom().deferred(() -> {
            FeedKey key = new FeedKey(tenant, r.identity());
            CallFeed feed = feeds.compute(key, (k, existing) -> {
                CallFeed joined = existing != null ? existing : new CallFeed(tenant, customer,
                        () -> source.pollRecentCalls(r, config.pollSize(), caller.tenant()), vertx, config,
                        ended -> feeds.remove(k, ended));
                joined.subscribers++;
                if (existing == null) {
                    joined.start();
                }
                return joined;
            });
            return feed.calls().onTermination().invoke(() -> leave(key, feed));
        }));
    }

    private void leave(FeedKey key, CallFeed feed) {
        feeds.computeIfPresent(key, (k, current) -> {
            if (current != feed) {
                return current;
            }
            if (--current.subscribers > 0) {
                return current;
            }
            current.stop();
            return null;
        });
    }

    /** Feeds polling now (for tests and diagnostics). */
    public int activeFeeds() {
        return feeds.size();
    }

    /** Subscribers of all feeds (for tests and diagnostics). */
    public int subscribers() {
        return feeds.values().stream().mapToInt(feed -> feed.subscribers).sum();
    }
}
