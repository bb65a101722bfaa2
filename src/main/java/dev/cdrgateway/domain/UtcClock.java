package dev.cdrgateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of the gateway: UTC, as every date the API takes or gives is a UTC day. Injected wherever "today"
 * or "now" decides something (open or closed ranges, default windows, the latest allowed day), so a test can
 * replace it and fix time instead of computing "today" on its own and racing midnight.
 */
@ApplicationScoped
public class UtcClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
