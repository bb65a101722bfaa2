package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/**
 * Media quality of a call, flagged by the configured {@link QualityThresholds} (by default Vobiz's diagnostic ones: MOS below 3.5, jitter above 30 ms,
 * packet loss above 1 %). A MOS of 0 or null means no media was measured, not the worst quality.
 */
@Description("Media quality of a call. Flags use the gateway's quality thresholds (by default Vobiz's diagnostic ones: "
        + "MOS < 3.5, jitter > 30 ms, "
        + "packet loss > 1 %. Calls without media have hasMedia = false and no flag set.")
public record CallQuality(
        @Description("Mean opinion score, 1.0 (bad) to 5.0 (excellent); null when no media was measured.")
        BigDecimal mos,
        @Description("Jitter in milliseconds; null when no media was measured.") BigDecimal jitterMs,
        @Description("Packet loss in percent; null when no media was measured.") BigDecimal packetLossPercent,
        @Description("Audio codec, e.g. PCMU, PCMA, opus.") String codec,
        @NonNull @Description("Whether media was measured for this call (MOS present and above 0).") boolean hasMedia,
        @NonNull @Description("MOS below the configured threshold (3.5 by default).") boolean lowMos,
        @NonNull @Description("Jitter above the configured threshold (30 ms by default).") boolean highJitter,
        @NonNull @Description("Packet loss above the configured threshold (1 % by default).") boolean highPacketLoss,
        @NonNull @Description("Any of lowMos, highJitter or highPacketLoss.") boolean degraded) {

    /** Builds the group and its flags; zeros without media are reported as absent. */
    public static CallQuality of(BigDecimal mos, BigDecimal jitter, BigDecimal packetLoss, String codec,
            QualityThresholds thresholds) {
        boolean hasMedia = mos != null && mos.signum() > 0;
        BigDecimal mosValue = hasMedia ? mos : null;
        BigDecimal jitterValue = hasMedia ? jitter : null;
        BigDecimal lossValue = hasMedia ? packetLoss : null;
        CallQuality measured = new CallQuality(mosValue, jitterValue, lossValue, codec, hasMedia, false, false, false,
                false);
        boolean lowMos = thresholds.lowMos(measured);
        boolean highJitter = thresholds.highJitter(measured);
        boolean highLoss = thresholds.highPacketLoss(measured);
        return new CallQuality(mosValue, jitterValue, lossValue, codec, hasMedia, lowMos, highJitter, highLoss,
                lowMos || highJitter || highLoss);
    }
}
