package dev.cdrgateway.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live call feed ({@code callCompleted} subscriptions): {@code gateway.live.*}. */
@ConfigMapping(prefix = "gateway.live")
public interface LiveConfig {

    /**
     * How often a feed polls upstream for new calls. There is one feed per tenant, upstream identity and customer
     * (or per tenant for the partner-wide feed), however many clients subscribe to it.
     */
    @WithDefault("PT5S")
    Duration pollInterval();

    /**
     * Newest calls read per poll (1-100): the account API's {@code /cdr/recent?limit=}, or page 1 of the partner
     * list endpoints with this page size. More new calls than this between two polls are not all seen.
     */
    @WithDefault("50")
    int pollSize();

    /** Call UUIDs each feed remembers to de-duplicate (raised to {@link #pollSize()} if smaller). */
    @WithDefault("1000")
    int rememberedCalls();

    /** Longest wait between polls after upstream failures (the wait doubles from the poll interval). */
    @WithDefault("PT1M")
    Duration maxBackoff();
}
