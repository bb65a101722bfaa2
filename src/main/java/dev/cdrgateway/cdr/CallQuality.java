package dev.cdrgateway.cdr;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/**
 * Media quality of a call, with the thresholds Vobiz's own diagnostics use (MOS below 3.5, jitter above 30 ms,
 * packet loss above 1 %). A MOS of 0 or null means no media was measured, not the worst quality.
 */
@Description("Media quality of a call. Flags use Vobiz's diagnostic thresholds: MOS < 3.5, jitter > 30 ms, "
        + "packet loss > 1 %. Calls without media have hasMedia = false and no flag set.")
public record CallQuality(
        @Description("Mean opinion score, 1.0 (bad) to 5.0 (excellent); null when no media was measured.")
        BigDecimal mos,
        @Description("Jitter in milliseconds; null when no media was measured.") BigDecimal jitterMs,
        @Description("Packet loss in percent; null when no media was measured.") BigDecimal packetLossPercent,
        @Description("Audio codec, e.g. PCMU, PCMA, opus.") String codec,
        @NonNull @Description("Whether media was measured for this call (MOS present and above 0).") boolean hasMedia,
        @NonNull @Description("MOS below 3.5.") boolean lowMos,
        @NonNull @Description("Jitter above 30 ms.") boolean highJitter,
        @NonNull @Description("Packet loss above 1 %.") boolean highPacketLoss,
        @NonNull @Description("Any of lowMos, highJitter or highPacketLoss.") boolean degraded) {

    static final BigDecimal MOS_THRESHOLD = new BigDecimal("3.5");
    static final BigDecimal JITTER_THRESHOLD_MS = new BigDecimal("30");
    static final BigDecimal PACKET_LOSS_THRESHOLD_PERCENT = BigDecimal.ONE;

    /** Builds the group and its flags; zeros without media are reported as absent. */
    public static CallQuality of(BigDecimal mos, BigDecimal jitter, BigDecimal packetLoss, String codec) {
        boolean hasMedia = mos != null && mos.signum() > 0;
        BigDecimal mosValue = hasMedia ? mos : null;
        BigDecimal jitterValue = hasMedia ? jitter : null;
        BigDecimal lossValue = hasMedia ? packetLoss : null;
        boolean lowMos = hasMedia && mos.compareTo(MOS_THRESHOLD) < 0;
        boolean highJitter = jitterValue != null && jitterValue.compareTo(JITTER_THRESHOLD_MS) > 0;
        boolean highLoss = lossValue != null && lossValue.compareTo(PACKET_LOSS_THRESHOLD_PERCENT) > 0;
        return new CallQuality(mosValue, jitterValue, lossValue, codec, hasMedia, lowMos, highJitter, highLoss,
                lowMos || highJitter || highLoss);
    }
}
