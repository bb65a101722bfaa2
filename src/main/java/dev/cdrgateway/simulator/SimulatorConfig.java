package dev.cdrgateway.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the embedded simulated Vobiz upstream. It exists so the gateway can be demonstrated and
 * developed without a Vobiz account; everything defaults to "off" so a production deployment never
 * serves fake data by accident.
 */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Serve the simulated upstream on the main HTTP server. Off unless a dev/demo profile turns it on. */
    @WithDefault("false")
    boolean enabled();

    /**
     * Mount prefix of the simulated API: routes are {@code {path}/api/v1/partner/...} and
     * {@code {path}/api/v1/Account/...}, so a REST client base URL is {@code http://host:port{path}}.
     */
    @WithDefault("/sim")
    String path();

    /** Fixed delay added to every simulated response, to make timeouts and loading states visible. */
    @WithDefault("PT0S")
    Duration latency();

    /** Number of generated partner customers ({@code MA_SIM00001} onwards). */
    @WithDefault("36")
    int customers();

    /** Average number of calls per customer per active day; weekdays are busier than weekends. */
    @WithDefault("10")
    int callsPerDay();

    /** Number of days of call history, ending with {@link #anchorDate()}. */
    @WithDefault("90")
    int days();

    /** Last day (UTC) of generated calls; defaults to today (UTC) at startup. Fix it for repeatable demos. */
    Optional<LocalDate> anchorDate();

    /** Seed of the generator: the same seed, anchor date and sizes always produce the same data. */
    @WithDefault("20260101")
    long seed();

    /** The one partner credential pair the simulator accepts. */
    Partner partner();

    /** Live mode: new calls keep completing while the simulator runs (to demonstrate the live call feed). */
    Live live();

    /** New calls over time. Off by default, so the dataset stays a pure function of its parameters. */
    interface Live {

        /** Add new calls while running. */
        @WithDefault("false")
        boolean enabled();

        /** How often each live customer completes a new call. */
        @WithDefault("PT5S")
        Duration interval();

        /** How many customers, from {@code MA_SIM00001} on, complete a new call every interval. */
        @WithDefault("4")
        int customers();

        /** New calls added in total; live mode stops adding after that (memory stays bounded). */
        @WithDefault("10000")
        int maxCalls();
    }

    /** Partner ({@code PA_...}) credentials accepted on {@code /api/v1/partner/*}. */
    interface Partner {

        /** Expected {@code X-Auth-ID} header on partner endpoints. */
        @WithDefault("PA_SIMULATOR")
        String authId();

        /** Expected {@code X-Auth-Token} header on partner endpoints. */
        @WithDefault("sim-partner-token")
        String authToken();
    }
}
