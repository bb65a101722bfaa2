package dev.cdrgateway.insights;

import dev.cdrgateway.calls.CallFilterArgument;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import dev.cdrgateway.domain.schema.FieldArguments;
import dev.cdrgateway.domain.schema.FieldCosts;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.PagingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The argument rules and costs of the insights fields ({@code leaderboard}, {@code callQuality},
 * {@code anomalies}, {@code worstCalls}); the services apply the same rules when a field runs. On top of the usual
 * cost, each of these fields adds a surcharge for the upstream reads it fans out to, so a few of them fit in
 * {@code gateway.limits.max-complexity} (25000) but not dozens: a leaderboard reads up to {@code max-customers}
 * customers, a quality report up to {@code max-calls / 100} pages, an anomaly report 8 summaries.
 */
@ApplicationScoped
public class InsightsFieldRules implements FieldArgumentRules, FieldCosts {

    /** A leaderboard: a fan-out over up to 500 customers. */
    static final int LEADERBOARD = 2500;
    /** A quality report: up to 10 pages of 100 calls. */
    static final int QUALITY = 250;
    /** An anomaly report: 8 summary reads. */
    static final int ANOMALIES = 20;

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final int DEFAULT_TOP = 10;
    private static final Set<String> QUALITY_REPORTS = Set.of("Query.callQuality", "Customer.callQuality");

    private final CallFilterArgument filters;
    private final InsightsConfig config;
    private final PagingConfig.Paging paging;
    private final Cursors cursors;
    private final Clock clock;

    InsightsFieldRules(CallFilterArgument filters, InsightsConfig config, PagingConfig paging, Cursors cursors,
                       Clock clock) {
        this.filters = filters;
        this.config = config;
        this.paging = paging.paging();
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    public Map<String, ArgumentRule> argumentRules() {
        return Map.of(
                "Query.leaderboard", field -> leaderboardRequest(
                        field.enumValue(LeaderboardMetric.class, "metric"), filters.of(field), field.integer("top"),
                        field.enumValue(RankOrder.class, "order"), field.string("currency"), config.leaderboard()),
                "Query.callQuality", field -> {
                    CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
                    filters.of(field);
                },
                "Customer.callQuality", filters::of,
                "Query.anomalies", field -> {
                    CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
                    anomalyWindows(field);
                },
                "Customer.anomalies", this::anomalyWindows,
                "CallQualityReport.worstCalls", this::worstCalls);
    }

    @Override
    public Map<String, CostRule> costRules() {
        return Map.of(
                "Query.leaderboard", field -> Cost.repeated(
                        field.integer("top") != null ? field.integer("top") : paging.defaultFirst()).plus(LEADERBOARD),
                "Query.callQuality", field -> Cost.repeated(1).plus(QUALITY),
                "Customer.callQuality", field -> Cost.repeated(1).plus(QUALITY),
                "Query.anomalies", field -> Cost.repeated(1).plus(ANOMALIES),
                "Customer.anomalies", field -> Cost.repeated(1).plus(ANOMALIES),
                // without `first`, the page is priced as a single row
                "CallQualityReport.worstCalls", field -> Cost.repeated(!field.has("first") ? 1
                        : field.integer("first") != null ? field.integer("first") : paging.defaultFirst()));
    }

    private void anomalyWindows(FieldArguments field) {
        anomalyWindows(field.integer("windowDays"), field.integer("baselineDays"), field.date("asOf"),
                LocalDate.now(clock), config.anomalies());
    }

    /** A report's worst calls: their cursor can be checked when the report is the field directly above. */
    private void worstCalls(FieldArguments field) {
        worstCallsFirst(field.integer("first"), paging);
        String after = field.string("after");
        if (after != null) {
            field.parent().filter(report -> QUALITY_REPORTS.contains(report.coordinate())).ifPresent(report ->
                    cursors.decode(after, QualityService.worstCallsScope(filters.of(report)), "after"));
        }
    }

    /**
     * Validates the arguments of {@code leaderboard} without I/O.
     *
     * @throws BadUserInputException naming the argument to fix
     */
    static LeaderboardService.Request leaderboardRequest(LeaderboardMetric metric, CallCriteria filter, Integer top,
                                                         RankOrder order, String currency,
                                                         InsightsConfig.Leaderboard config) {
        if (filter.fromDate() == null) {
            throw new BadUserInputException("`filter.fromDate` is required: a leaderboard covers a date range");
        }
        int size = top == null ? DEFAULT_TOP : top;
        if (size < 1 || size > config.maxTop()) {
            throw new BadUserInputException("`top` must be between 1 and " + config.maxTop() + ", got " + size);
        }
        String code = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (code != null && !CURRENCY.matcher(code).matches()) {
            throw new BadUserInputException("`currency` must be an ISO 4217 code such as INR or USD");
        }
        if (metric == LeaderboardMetric.COST && code == null) {
            throw new BadUserInputException("`currency` is required with metric COST: amounts in different currencies "
                    + "cannot be ranked together; pass e.g. currency: \"INR\"");
        }
        return new LeaderboardService.Request(metric, filter, size, order == null ? RankOrder.HIGHEST_FIRST : order,
                code);
    }

    /**
     * Validates the window arguments of {@code anomalies} without I/O.
     *
     * @throws BadUserInputException naming the argument to fix
     */
    static AnomalyService.Windows anomalyWindows(Integer windowDays, Integer baselineDays, LocalDate asOf,
                                                 LocalDate today, InsightsConfig.Anomalies config) {
        int window = windowDays == null ? config.windowDays() : windowDays;
        int baseline = baselineDays == null ? config.baselineDays() : baselineDays;
        if (window < 1 || window > config.maxWindowDays()) {
            throw new BadUserInputException("`windowDays` must be between 1 and " + config.maxWindowDays() + ", got " + window);
        }
        if (baseline < 1 || baseline > config.maxBaselineDays()) {
            throw new BadUserInputException("`baselineDays` must be between 1 and " + config.maxBaselineDays() + ", got "
                    + baseline);
        }
        LocalDate end = asOf == null ? today : asOf;
        if (end.isAfter(today)) {
            throw new BadUserInputException("`asOf` (" + end + ") is in the future; the latest allowed is today, " + today);
        }
        LocalDate start = end.minusDays(window - 1L);
        // The baseline's first day must still be a date Vobiz can be sent (years 1 to 9999)
        CallFilter.requireCalendarDate(start.minusDays(baseline), "asOf");
        return new AnomalyService.Windows(DateRange.of(start, end),
                DateRange.of(start.minusDays(baseline), start.minusDays(1)));
    }

    /**
     * Validates {@code worstCalls(first)}.
     *
     * @throws BadUserInputException when outside 0..max
     */
    static int worstCallsFirst(Integer first, PagingConfig.Paging paging) {
        if (first == null) {
            return paging.defaultFirst();
        }
        if (first < 0 || first > paging.maxFirst()) {
            throw new BadUserInputException("`first` must be between 0 and " + paging.maxFirst() + ", got " + first);
        }
        return first;
    }
}
