package dev.cdrgateway.insights;

import dev.cdrgateway.cdr.Call;
import dev.cdrgateway.cdr.CallQuality;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/** The thresholds a quality report judged calls by ({@code gateway.insights.quality.*}). */
@Description("The thresholds a quality report judged calls by (configured on the gateway; by default Vobiz's "
        + "diagnostic ones: MOS < 3.5, jitter > 30 ms, packet loss > 1 %).")
public record QualityThresholds(
        @NonNull @Description("A call has low MOS below this score.") BigDecimal mosBelow,
        @NonNull @Description("A call has high jitter above this many milliseconds.") BigDecimal jitterAboveMs,
        @NonNull @Description("A call has high packet loss above this percentage.") BigDecimal packetLossAbovePercent) {

    static QualityThresholds of(InsightsConfig.Quality config) {
        return new QualityThresholds(config.mosBelow(), config.jitterAboveMs(), config.packetLossAbovePercent());
    }

    /** Whether the call has quality data (a measured MOS); calls without media have none. */
    static boolean measured(Call call) {
        return call.quality().hasMedia();
    }

    boolean lowMos(CallQuality q) {
        return q.hasMedia() && q.mos().compareTo(mosBelow) < 0;
    }

    boolean highJitter(CallQuality q) {
        return q.hasMedia() && q.jitterMs() != null && q.jitterMs().compareTo(jitterAboveMs) > 0;
    }

    boolean highPacketLoss(CallQuality q) {
        return q.hasMedia() && q.packetLossPercent() != null && q.packetLossPercent().compareTo(packetLossAbovePercent) > 0;
    }

    /** Low MOS, high jitter or high packet loss. */
    boolean poor(CallQuality q) {
        return lowMos(q) || highJitter(q) || highPacketLoss(q);
    }
}
