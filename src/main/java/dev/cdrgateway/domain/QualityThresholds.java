package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/**
 * The media quality thresholds ({@code gateway.insights.quality.*}): the one rule for {@code Call.quality}'s flags,
 * the quality reports and the leaderboards.
 */
@Description("The thresholds a quality report judged calls by (configured on the gateway; by default Vobiz's "
        + "diagnostic ones: MOS < 3.5, jitter > 30 ms, packet loss > 1 %).")
public record QualityThresholds(
        @NonNull @Description("A call has low MOS below this score.") BigDecimal mosBelow,
        @NonNull @Description("A call has high jitter above this many milliseconds.") BigDecimal jitterAboveMs,
        @NonNull @Description("A call has high packet loss above this percentage.") BigDecimal packetLossAbovePercent) {

    /** Vobiz's own diagnostic thresholds: MOS below 3.5, jitter above 30 ms, packet loss above 1 %. */
    public static final QualityThresholds VOBIZ_DIAGNOSTIC =
            new QualityThresholds(new BigDecimal("3.5"), new BigDecimal("30"), BigDecimal.ONE);

    /** Whether the call has quality data (a measured MOS); calls without media have none. */
    public static boolean measured(Call call) {
        return call.quality().hasMedia();
    }

    public boolean lowMos(CallQuality q) {
        return q.hasMedia() && q.mos().compareTo(mosBelow) < 0;
    }

    public boolean highJitter(CallQuality q) {
        return q.hasMedia() && q.jitterMs() != null && q.jitterMs().compareTo(jitterAboveMs) > 0;
    }

    public boolean highPacketLoss(CallQuality q) {
        return q.hasMedia() && q.packetLossPercent() != null && q.packetLossPercent().compareTo(packetLossAbovePercent) > 0;
    }

    /** Low MOS, high jitter or high packet loss. */
    public boolean poor(CallQuality q) {
        return lowMos(q) || highJitter(q) || highPacketLoss(q);
    }
}
