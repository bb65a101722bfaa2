package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.paging.CallPages;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.calls.CallService;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.Money;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Time series and breakdowns of a customer's or the whole partner's filtered calls, built from upstream summaries
 * (every Vobiz list envelope carries the summary of its whole filtered set, so one request with {@code per_page=1}
 * per bucket or value is enough) rather than from the calls. HOUR buckets are the exception: upstream filters take
 * whole days, so they read the calls of a bounded window. Reads of one field run concurrently, at most
 * {@code gateway.analytics.concurrency} at a time, through the executor (cache, coalescing, retries). A field
 * whose reads partly fail fails as a whole: a missing bucket or value is never shown as zero.
 */
@ApplicationScoped
public class AnalyticsService {

    private static final List<HangupCause> DOCUMENTED_CAUSES = Arrays.stream(HangupCause.values())
            .filter(c -> c != HangupCause.UNKNOWN).toList();

    private final CallService cdrs;
    private final CallPages pages;
    private final CallSource source;
    private final AnalyticsConfig config;
    private final Clock clock;

    AnalyticsService(CallService cdrs, CallPages pages, CallSource source, AnalyticsConfig config, Clock clock) {
        this.clock = clock;
        this.cdrs = cdrs;
        this.pages = pages;
        this.source = source;
        this.config = config;
    }

    /** Validates a series request without I/O. */
    public SeriesPlan plan(TimeGranularity granularity, LocalDate from, LocalDate to, CallFilter filter) {
        return SeriesPlan.of(granularity, from, to, CallFilter.normalised(filter, LocalDate.now(clock)), config);
    }

    /**
     * A breakdown's scope, settled by the field itself before any split runs, with the same checks as every other
     * call field: the filter is validated, a customer the caller may not see (or the partner API does not know)
     * is NOT_FOUND, the whole partner (customerId null) FORBIDDEN to customer users, a tenant without credentials
     * TENANT_NOT_CONFIGURED. A refused breakdown is null with one error; its splits never run.
     */
    public Uni<CallBreakdown> breakdown(Caller caller, String customerId, CallFilter filter) {
        CallCriteria valid = CallFilter.normalised(filter, LocalDate.now(clock));
        return cdrs.scope(caller, customerId, valid, "callBreakdown")
                .map(route -> new CallBreakdown(customerId, valid));
    }

    /** The time series of one customer's calls, or (customerId null, partner users) the whole partner's. */
    public Uni<CallTimeSeries> timeSeries(Caller caller, String customerId, SeriesPlan plan) {
        return cdrs.scope(caller, customerId, plan.filter(), "callTimeSeries")
                .flatMap(route -> plan.granularity() == TimeGranularity.HOUR
                        ? hourly(route, plan) : perBucket(route, plan))
                .map(buckets -> new CallTimeSeries(plan.granularity(), plan.fromDate(), plan.toDate(), "UTC", buckets));
    }

    /** One upstream summary per bucket. */
    private Uni<List<CallTimeBucket>> perBucket(CallScope route, SeriesPlan plan) {
        return bounded(plan.buckets(), bucket -> summary(route,
                Filters.withDates(plan.filter(), bucket.firstDay(), bucket.lastDay()))
                .map(summary -> CallTimeBucket.of(bucket, summary)));
    }

    /**
     * The calls of the whole window, read in 100-row pages (the first one tells the size; the rest concurrently),
     * placed into hours by their start time. Refused once the first page shows more calls than allowed.
     */
    private Uni<List<CallTimeBucket>> hourly(CallScope route, SeriesPlan plan) {
        CallCriteria window = Filters.withDates(plan.filter(), plan.fromDate(), plan.toDate());
        int size = Paginator.MAX_UPSTREAM_PAGE_SIZE;
        return page(route, window, 1, size).flatMap(first -> {
            if (first.total() > config.hourlyMaxCalls()) {
                return Uni.createFrom().failure(new BadUserInputException("HOUR buckets read the calls themselves and "
                        + "the range holds " + first.total() + " calls, more than the " + config.hourlyMaxCalls()
                        + " allowed; narrow the filter or the range, or use DAY"));
            }
            int pageCount = (int) ((first.total() + size - 1) / size);
            List<Integer> rest = IntStream.rangeClosed(2, pageCount).boxed().toList();
            return bounded(rest, n -> page(route, window, n, size)).map(more -> {
                Map<String, Call> calls = new LinkedHashMap<>();
                first.rows().forEach(call -> calls.putIfAbsent(call.uuid(), call));
                more.forEach(p -> p.rows().forEach(call -> calls.putIfAbsent(call.uuid(), call)));
                return hourBuckets(plan, calls.values());
            });
        });
    }

    /** Calls without a start time, or starting outside the range, belong to no bucket and are left out. */
    private static List<CallTimeBucket> hourBuckets(SeriesPlan plan, Iterable<Call> calls) {
        OffsetDateTime origin = plan.buckets().get(0).start();
        List<List<Call>> byHour = new ArrayList<>();
        plan.buckets().forEach(b -> byHour.add(new ArrayList<>()));
        for (Call call : calls) {
            OffsetDateTime started = call.timing().startedAt();
            if (started == null) {
                continue;
            }
            long hour = java.time.Duration.between(origin, started).toHours();
            if (!started.isBefore(origin) && hour < byHour.size()) {
                byHour.get((int) hour).add(call);
            }
        }
        List<CallTimeBucket> buckets = new ArrayList<>();
        for (int i = 0; i < byHour.size(); i++) {
            buckets.add(CallTimeBucket.of(plan.buckets().get(i), RowSummary.of(byHour.get(i))));
        }
        return buckets;
    }

    /** The set split by direction: one summary per direction plus the set's own. */
    public Uni<CallsByDirection> byDirection(Caller caller, CallBreakdown scope) {
        CallCriteria filter = scope.filter;
        return cdrs.scope(caller, scope.getCustomerId(), filter, "callBreakdown").flatMap(route -> split(route,
                filter, List.of(CallDirection.values()), filter.direction(), Filters::withDirection,
                (values, total) -> {
                    List<DirectionShare> rows = new ArrayList<>();
                    values.forEach((direction, s) -> rows.add(new DirectionShare(direction, s.totalCalls(),
                            RowSummary.percent(s.totalCalls(), total.totalCalls()), s.totalCost())));
                    return new CallsByDirection(total.totalCalls(), sum(values) == total.totalCalls(), rows);
                }));
    }

    /** The set split by status, read where the provider applies the {@code status} criterion. */
    public Uni<CallsByStatus> byStatus(Caller caller, CallBreakdown scope) {
        CallCriteria filter = scope.filter;
        return scopeApplying(caller, scope, Filters.withStatus(filter, CallStatus.ANSWERED))
                .flatMap(route -> split(route, filter, List.of(CallStatus.values()),
                filter.status(), Filters::withStatus,
                (values, total) -> {
                    List<StatusShare> rows = new ArrayList<>();
                    values.forEach((status, s) -> rows.add(new StatusShare(status, s.totalCalls(),
                            RowSummary.percent(s.totalCalls(), total.totalCalls()), s.totalCost())));
                    return new CallsByStatus(total.totalCalls(), sum(values) == total.totalCalls(), rows);
                }));
    }

    /**
     * The set split by hangup cause, read where the provider applies the {@code hangupCause} criterion: one summary
     * per documented cause; UNKNOWN is what they leave of the set's total.
     */
    public Uni<CallsByHangupCause> byHangupCause(Caller caller, CallBreakdown scope) {
        CallCriteria filter = scope.filter;
        return scopeApplying(caller, scope, Filters.withHangupCause(filter, DOCUMENTED_CAUSES.get(0)))
                .flatMap(route -> split(route, filter, DOCUMENTED_CAUSES,
                filter.hangupCause(), Filters::withHangupCause,
                (values, total) -> {
                    long known = sum(values);
                    List<HangupCauseShare> rows = new ArrayList<>();
                    values.forEach((cause, s) -> rows.add(new HangupCauseShare(cause, cause.meaning(), s.totalCalls(),
                            RowSummary.percent(s.totalCalls(), total.totalCalls()), s.totalCost())));
                    long unknown = total.totalCalls() - known;
                    if (unknown > 0) {
                        rows.add(new HangupCauseShare(HangupCause.UNKNOWN, HangupCause.UNKNOWN.meaning(), (int) unknown,
                                RowSummary.percent(unknown, total.totalCalls()), remainder(total, values.values())));
                    }
                    List<HangupCauseShare> nonZero = rows.stream().filter(r -> r.calls() > 0)
                            .sorted(Comparator.comparingInt(HangupCauseShare::calls).reversed()).toList();
                    return new CallsByHangupCause(total.totalCalls(), known <= total.totalCalls(), nonZero);
                }));
    }

    /** The set's own summary. */
    public Uni<CallSummary> breakdownSummary(Caller caller, CallBreakdown scope) {
        return cdrs.scope(caller, scope.getCustomerId(), scope.filter, "callBreakdown")
                .flatMap(route -> summary(route, scope.filter));
    }

    /**
     * The scope the provider chooses for the split's criterion (asked with one of its values), used for every value
     * and for the total too: the values and the total they are compared with come from the same source.
     */
    private Uni<CallScope> scopeApplying(Caller caller, CallBreakdown scope, CallCriteria withOneValue) {
        return cdrs.scope(caller, scope.getCustomerId(), withOneValue, "callBreakdown");
    }

    /** How values of one dimension are put into a filter. */
    @FunctionalInterface
    private interface WithValue<V> {
        CallCriteria apply(CallCriteria filter, V value);
    }

    /** Builds a split from each value's summary (insertion-ordered) and the set's total. */
    @FunctionalInterface
    private interface Assemble<V, R> {
        R apply(Map<V, CallSummary> values, CallSummary total);
    }

    /**
     * The set's summary and one summary per value. A value the filter already excludes is zero without an upstream
     * call; the value the filter already selects is the set itself, taken from the total rather than subscribed
     * to a second time: two subscribers of one shared read inside this fail-fast combination meant that when the
     * read failed (a 404), the first failure cancelled the second subscriber and Mutiny dropped its copy of the
     * failure with an ERROR log line.
     */
    private <V, R> Uni<R> split(CallScope route, CallCriteria filter, List<V> values, V fixed, WithValue<V> with,
                                Assemble<V, R> assemble) {
        CallSummary none = RowSummary.of(List.of());
        Uni<CallSummary> total = summary(route, filter);
        Uni<List<CallSummary>> each = bounded(values, value -> fixed != null
                ? Uni.createFrom().item(none) // excluded by the filter, or the set itself (filled in below)
                : summary(route, with.apply(filter, value)));
        return Uni.combine().all().unis(total, each).asTuple().map(t -> {
            Map<V, CallSummary> byValue = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                V value = values.get(i);
                byValue.put(value, value.equals(fixed) ? t.getItem1() : t.getItem2().get(i));
            }
            return assemble.apply(byValue, t.getItem1());
        });
    }

    private static long sum(Map<?, CallSummary> values) {
        return values.values().stream().mapToLong(CallSummary::totalCalls).sum();
    }

    /** The total's cost minus the known values' costs; null when an amount is missing. */
    private static Money remainder(CallSummary total, Iterable<CallSummary> known) {
        if (total.totalCost() == null) {
            return null;
        }
        BigDecimal rest = total.totalCost().amount();
        for (CallSummary summary : known) {
            if (summary.totalCost() != null) {
                rest = rest.subtract(summary.totalCost().amount());
            }
        }
        return new Money(rest.max(BigDecimal.ZERO), total.totalCost().currency());
    }

    private Uni<CallSummary> summary(CallScope route, CallCriteria filter) {
        return notFoundAsCustomer(route, source.summaryPage(route, filter)).map(CallPage::summary);
    }

    private Uni<CallPage> page(CallScope route, CallCriteria filter, int page, int perPage) {
        return notFoundAsCustomer(route, pages.page(route, filter, page, perPage));
    }

    /** On partner scopes the provider's 404 means the customer is not this partner's: the uniform NOT_FOUND. */
    private static Uni<CallPage> notFoundAsCustomer(CallScope route, Uni<CallPage> read) {
        return read.onFailure(UpstreamNotFoundException.class)
                .transform(f -> AccessPolicy.notFoundCustomer(Objects.requireNonNullElse(route.customerId(), "")));
    }

    /** Applies {@code fetch} to every item, at most {@code concurrency} at a time; results in the items' order. */
    private <T, R> Uni<List<R>> bounded(List<T> items, Function<T, Uni<R>> fetch) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUni(i -> fetch.apply(items.get(i)).map(result -> Map.entry(i, result)))
                .merge(config.concurrency())
                .collect().asList()
                .map(entries -> entries.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
    }
}
