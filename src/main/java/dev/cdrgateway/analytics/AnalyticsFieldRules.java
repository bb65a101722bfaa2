package dev.cdrgateway.analytics;

import dev.cdrgateway.calls.CallFilterArgument;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import dev.cdrgateway.domain.schema.FieldArguments;
import dev.cdrgateway.domain.schema.FieldCosts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Map;

/**
 * The argument rules and costs of the analytics fields ({@code callTimeSeries}, {@code callBreakdown}). A series
 * is validated by {@link SeriesPlan#of}, as {@link AnalyticsService} plans it. For the cost, a series repeats its
 * selection once per bucket of its range and a split once per row it can have (2 directions, 4 statuses, 17
 * hangup causes).
 */
@ApplicationScoped
public class AnalyticsFieldRules implements FieldArgumentRules, FieldCosts {

    private final CallFilterArgument filters;
    private final AnalyticsConfig config;

    AnalyticsFieldRules(CallFilterArgument filters, AnalyticsConfig config) {
        this.filters = filters;
        this.config = config;
    }

    @Override
    public Map<String, ArgumentRule> argumentRules() {
        return Map.of(
                "Query.callTimeSeries", this::series,
                "Customer.callTimeSeries", this::series,
                "Query.callBreakdown", field -> {
                    CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
                    filters.of(field);
                },
                "Customer.callBreakdown", filters::of);
    }

    @Override
    public Map<String, CostRule> costRules() {
        return Map.of(
                "Query.callTimeSeries", field -> Cost.repeated(buckets(field)),
                "Customer.callTimeSeries", field -> Cost.repeated(buckets(field)),
                "CallBreakdown.byDirection", field -> Cost.repeated(2),
                "CallBreakdown.byStatus", field -> Cost.repeated(4),
                "CallBreakdown.byHangupCause", field -> Cost.repeated(17));
    }

    private void series(FieldArguments field) {
        CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
        SeriesPlan.of(field.enumValue(TimeGranularity.class, "granularity"), field.date("fromDate"),
                field.date("toDate"), filters.of(field), config);
    }

    /** The series' bucket count; 1 when its arguments cannot be read (validation refuses them first). */
    private static long buckets(FieldArguments field) {
        try {
            TimeGranularity granularity = field.enumValue(TimeGranularity.class, "granularity");
            LocalDate from = field.date("fromDate");
            LocalDate to = field.date("toDate");
            return granularity == null || from == null || to == null ? 1 : SeriesPlan.bucketCount(granularity, from, to);
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
