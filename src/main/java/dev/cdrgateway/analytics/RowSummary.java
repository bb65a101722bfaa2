package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.Money;
import dev.cdrgateway.domain.CallSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A {@link CallSummary} computed from calls themselves, with the same rules as Vobiz's summary (answered when
 * billable seconds &gt; 0, rates and averages to one decimal) — for HOUR buckets, which no upstream filter can
 * express.
 */
final class RowSummary {

    private RowSummary() {
    }

    static CallSummary of(List<Call> calls) {
        int answered = 0;
        long duration = 0;
        long billable = 0;
        BigDecimal cost = BigDecimal.ZERO;
        String currency = null;
        boolean mixed = false;
        OffsetDateTime last = null;
        for (Call call : calls) {
            answered += call.billing().billableSeconds() > 0 ? 1 : 0;
            duration += call.timing().durationSeconds();
            billable += call.billing().billableSeconds();
            Money total = call.billing().totalCost();
            if (total != null) {
                cost = cost.add(total.amount());
                if (total.currency() != null) {
                    mixed |= currency != null && !currency.equals(total.currency());
                    currency = currency == null ? total.currency() : currency;
                }
            }
            OffsetDateTime started = call.timing().startedAt();
            if (started != null && (last == null || started.isAfter(last))) {
                last = started;
            }
        }
        int count = calls.size();
        return new CallSummary(count, answered, percent(answered, count),
                count == 0 ? 0 : round1((double) duration / count), (int) duration, (int) billable,
                new Money(cost, mixed ? null : currency), last);
    }

    /** {@code part / whole} in percent, one decimal, 0 for an empty whole (as {@code answerRate}). */
    static double percent(long part, long whole) {
        return whole == 0 ? 0 : round1(part * 100.0 / whole);
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
