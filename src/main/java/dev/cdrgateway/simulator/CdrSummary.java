package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Totals over a whole filtered CDR set (not just the page), with the semantics pinned down in
 * docs/vobiz-contract.md#fixture-dataset: answered means {@code billsec > 0}, the answer rate is a percentage
 * rounded to one decimal, the average duration is {@code floor(Σduration / calls)} seconds and the last
 * call is the latest start time. An empty set gives zeros and a {@code null} last call.
 */
record CdrSummary(
        int totalCalls,
        int answeredCalls,
        BigDecimal answerRate,
        String avgCallDuration,
        long totalDurationSeconds,
        long totalBillableSeconds,
        BigDecimal totalCost,
        Instant lastCallAt) {

    static CdrSummary of(List<SimulatedCall> calls) {
        int answered = 0;
        long duration = 0;
        long billable = 0;
        BigDecimal cost = new BigDecimal("0.00");
        long lastStart = Long.MIN_VALUE;
        for (SimulatedCall call : calls) {
            answered += call.answered() ? 1 : 0;
            duration += call.duration();
            billable += call.billsec();
            cost = cost.add(call.totalCost());
            lastStart = Math.max(lastStart, call.startEpochSecond());
        }
        int total = calls.size();
        BigDecimal rate = total == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(answered * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        return new CdrSummary(total, answered, integralIfWhole(rate), (total == 0 ? 0 : duration / total) + "s",
                duration, billable, cost, total == 0 ? null : Instant.ofEpochSecond(lastStart));
    }

    /** Vobiz prints whole rates without a fraction ({@code 50}, {@code 100}) and others as {@code 42.9}. */
    private static BigDecimal integralIfWhole(BigDecimal rate) {
        return rate.signum() == 0 || rate.stripTrailingZeros().scale() <= 0 ? rate.setScale(0) : rate;
    }
}
