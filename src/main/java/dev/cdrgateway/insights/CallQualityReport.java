package dev.cdrgateway.insights;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallQuality;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Media quality over a filtered set of calls, from a bounded scan of its newest calls. A class rather than a
 * record: the ranked calls behind {@code worstCalls} are not a field of their own.
 */
@Description("Media quality over a filtered set of calls. Quality is recorded per call, so the gateway reads the "
        + "set's newest calls up to a configured bound (gateway.insights.quality.max-calls, default 1000); when the "
        + "set is larger, the figures describe that sample and complete is false.")
public final class CallQualityReport {

    private static final Comparator<Call> WORST_FIRST = Comparator
            .comparing((Call c) -> c.quality().mos())
            .thenComparing((Call c) -> c.timing().startedAt(), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Call::uuid);

    private final QualityThresholds thresholds;
    private final int totalCalls;
    private final int scannedCalls;
    private final int measured;
    private final int lowMosCount;
    private final int highJitterCount;
    private final int highPacketLossCount;
    private final int poorCount;
    private final BigDecimal averageMos;
    private final List<Call> worstFirst;
    private final String cursorScope;

    private CallQualityReport(QualityThresholds thresholds, long totalCalls, List<Call> scanned, String cursorScope) {
        this.thresholds = thresholds;
        this.totalCalls = (int) Math.min(Integer.MAX_VALUE, Math.max(totalCalls, scanned.size()));
        this.scannedCalls = scanned.size();
        int m = 0;
        int low = 0;
        int jitter = 0;
        int loss = 0;
        int bad = 0;
        BigDecimal mosSum = BigDecimal.ZERO;
        for (Call call : scanned) {
            CallQuality q = call.quality();
            if (!q.hasMedia()) {
                continue;
            }
            m++;
            mosSum = mosSum.add(q.mos());
            low += thresholds.lowMos(q) ? 1 : 0;
            jitter += thresholds.highJitter(q) ? 1 : 0;
            loss += thresholds.highPacketLoss(q) ? 1 : 0;
            bad += thresholds.poor(q) ? 1 : 0;
        }
        this.measured = m;
        this.lowMosCount = low;
        this.highJitterCount = jitter;
        this.highPacketLossCount = loss;
        this.poorCount = bad;
        this.averageMos = m == 0 ? null : mosSum.divide(BigDecimal.valueOf(m), 2, RoundingMode.HALF_UP);
        this.worstFirst = scanned.stream().filter(QualityThresholds::measured).sorted(WORST_FIRST).toList();
        this.cursorScope = cursorScope;
    }

    /**
     * @param scan        the bounded scan of the set
     * @param cursorScope what {@code worstCalls} cursors are bound to (the set's filter)
     */
    static CallQualityReport of(QualityThresholds thresholds, CallScan scan, String cursorScope) {
        return new CallQualityReport(thresholds, scan.total(), scan.rows(), cursorScope);
    }

    @NonNull
    @Description("The thresholds the calls were judged by.")
    public QualityThresholds getThresholds() {
        return thresholds;
    }

    @NonNull
    @Description("Calls in the whole filtered set (upstream's count).")
    public int getTotalCalls() {
        return totalCalls;
    }

    @NonNull
    @Description("Calls read for this report: the newest ones, up to the configured bound.")
    public int getScannedCalls() {
        return scannedCalls;
    }

    @NonNull
    @Description("Whether every call of the set was read. When false, the figures describe the newest scannedCalls "
            + "calls only.")
    public boolean isComplete() {
        return scannedCalls >= totalCalls;
    }

    @NonNull
    @Description("Scanned calls with quality data (media was measured: MOS present and above 0).")
    public int getCallsWithQualityData() {
        return measured;
    }

    @NonNull
    @Description("Scanned calls without quality data (no media, e.g. unanswered calls); not counted in any share.")
    public int getCallsWithoutQualityData() {
        return scannedCalls - measured;
    }

    @NonNull
    @Description("Calls with MOS below thresholds.mosBelow.")
    public QualityShare getLowMos() {
        return QualityShare.of(lowMosCount, measured);
    }

    @NonNull
    @Description("Calls with jitter above thresholds.jitterAboveMs.")
    public QualityShare getHighJitter() {
        return QualityShare.of(highJitterCount, measured);
    }

    @NonNull
    @Description("Calls with packet loss above thresholds.packetLossAbovePercent.")
    public QualityShare getHighPacketLoss() {
        return QualityShare.of(highPacketLossCount, measured);
    }

    @NonNull
    @Description("Calls with poor quality: low MOS, high jitter or high packet loss (each call counted once).")
    public QualityShare getPoorQuality() {
        return QualityShare.of(poorCount, measured);
    }

    @Description("Average MOS of the calls with quality data, two decimals; null when none has any.")
    public BigDecimal getAverageMos() {
        return averageMos;
    }

    /** The scanned calls with quality data, worst first. */
    List<Call> worstFirst() {
        return worstFirst;
    }

    /** What cursors of {@code worstCalls} are bound to. */
    String cursorScope() {
        return cursorScope;
    }
}
