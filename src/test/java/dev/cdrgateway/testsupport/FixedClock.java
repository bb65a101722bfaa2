package dev.cdrgateway.testsupport;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A fixed UTC "now" for tests whose expectations depend on today's date (open or closed ranges, the latest allowed
 * day): installed in place of the gateway's {@link Clock}, so the gateway and the test read the same day however
 * long the run takes and whenever it starts, midnight UTC included. Noon, after every fixture date.
 */
public final class FixedClock {

    /** The instant the gateway reads as now. */
    public static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
    /** The gateway's today (UTC). */
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private FixedClock() {
    }

    /** Makes the gateway's clock read {@link #NOW} for the current test (call it from {@code @BeforeEach}). */
    public static void install() {
        QuarkusMock.installMockForType(Clock.fixed(NOW, ZoneOffset.UTC), Clock.class);
    }
}
