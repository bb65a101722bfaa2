package dev.cdrgateway.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/**
 * Settings of leaderboards, call quality reports and anomaly rules ({@code gateway.insights.*}). Every bound here
 * caps upstream traffic: how many customers a leaderboard reads, how many at once, and how many calls a quality
 * scan reads.
 */
@ConfigMapping(prefix = "gateway.insights")
public interface InsightsConfig {

    /** Customer leaderboards. */
    Leaderboard leaderboard();

    /** Call quality reports. */
    Quality quality();

    /** Anomaly rules (fraud and misconfiguration signals). */
    Anomalies anomalies();

    /** Customer leaderboards: a bounded concurrent fan-out over the partner's customers. */
    interface Leaderboard {
        /** Customers a leaderboard considers at most (in the partner API's listing order); more marks it incomplete. */
        @WithDefault("500")
        int maxCustomers();

        /** Customers read at once by one leaderboard (the per-tenant upstream limit applies on top). */
        @WithDefault("16")
        int concurrency();

        /** Largest {@code top} accepted. */
        @WithDefault("100")
        int maxTop();

        /**
         * Calls read per customer for the poor-quality share (quality is per call, not in summaries). When a
         * customer has more calls in the range, its entry is marked {@code sampled}.
         */
        @WithDefault("200")
        int maxCallsPerCustomer();
    }

    /** Thresholds and scan bound of call quality reports. */
    interface Quality {
        /** A call has low MOS below this score. */
        @WithDefault("3.5")
        BigDecimal mosBelow();

        /** A call has high jitter above this many milliseconds. */
        @WithDefault("30")
        BigDecimal jitterAboveMs();

        /** A call has high packet loss above this percentage. */
        @WithDefault("1")
        BigDecimal packetLossAbovePercent();

        /** Calls one report reads at most (newest first); a larger set is reported as sampled ({@code complete: false}). */
        @WithDefault("1000")
        int maxCalls();
    }

    /**
     * Anomaly rules compare an observed window (the last {@code windowDays} days up to {@code asOf}) with the
     * baseline window just before it ({@code baselineDays} days), using upstream summaries only.
     */
    interface Anomalies {
        /** Default length of the observed window in days (ending with {@code asOf}, today by default). */
        @WithDefault("1")
        int windowDays();

        /** Default length of the baseline window in days (immediately before the observed window). */
        @WithDefault("7")
        int baselineDays();

        /** Largest observed window accepted, in days. */
        @WithDefault("31")
        int maxWindowDays();

        /** Largest baseline window accepted, in days. */
        @WithDefault("90")
        int maxBaselineDays();

        /** Fewest calls a window needs before a rate in it is judged (small samples are noise). */
        @WithDefault("20")
        int minCalls();

        /** Outbound calls lasting less than this many seconds (ringing + talk) count as short. */
        @WithDefault("10")
        int shortCallSeconds();

        /** Short-call spike: the observed short share must reach the baseline share times this factor ... */
        @WithDefault("2.0")
        double shortCallSpikeFactor();

        /** ... and at least this share (percent) of outbound calls. */
        @WithDefault("30")
        double shortCallMinSharePercent();

        /** Answer-rate collapse: the observed answer rate is this many percentage points below the baseline or more. */
        @WithDefault("20")
        double answerRateDropPoints();

        /** Unusual no-answer rate: the observed no-answer share is this many percentage points above the baseline or more. */
        @WithDefault("15")
        double noAnswerRisePoints();
    }
}
