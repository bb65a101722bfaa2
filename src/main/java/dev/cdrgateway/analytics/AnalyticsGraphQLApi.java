package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.security.TenantContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;

/**
 * Dashboard analytics: call time series and breakdowns for one customer or, for partner users, the whole partner.
 * Customer users asking without a customer id get their own customer, as with {@code callSummary}.
 */
@GraphQLApi
public class AnalyticsGraphQLApi {

    private static final String SERIES = "The call summary per UTC time bucket over a date range (calls, answered, "
            + "answer rate, average duration, billable minutes, cost). DAY, WEEK (ISO, Monday start) and MONTH buckets "
            + "cost one upstream summary each (at most gateway.analytics.max-buckets, default 366; fetched concurrently, "
            + "closed buckets cached long, the one holding today briefly); the first and last bucket are clipped to the "
            + "range (bucket.partial). HOUR buckets read the calls themselves, so the range may span at most 2 days "
            + "(gateway.analytics.hourly-max-days) holding at most 5000 calls (gateway.analytics.hourly-max-calls); "
            + "beyond that BAD_USER_INPUT. If any bucket cannot be read the whole field fails (never a bucket shown "
            + "as zero).";

    private final AnalyticsService analytics;
    private final TenantContext tenant;

    AnalyticsGraphQLApi(AnalyticsService analytics, TenantContext tenant) {
        this.analytics = analytics;
        this.tenant = tenant;
    }

    @Query("callTimeSeries")
    @Description(SERIES + " One customer's calls, or (partner users, no customerId) the whole partner's; customer "
            + "users without customerId get their own.")
    public Uni<CallTimeSeries> callTimeSeries(
            @Id @Description("The customer; omit for the whole partner (partner users only).") String customerId,
            @NonNull @Description("Width of each bucket.") TimeGranularity granularity,
            @NonNull @Description("First day of the range (UTC, inclusive), YYYY-MM-DD.") LocalDate fromDate,
            @NonNull @Description("Last day of the range (UTC, inclusive), YYYY-MM-DD.") LocalDate toDate,
            @Description("Narrows the calls (without dates: the range is fromDate/toDate); omit for all calls.")
            CallFilter filter) {
        SeriesPlan plan = analytics.plan(granularity, fromDate, toDate, filter);
        Caller caller = tenant.caller();
        return analytics.timeSeries(caller, AccessPolicy.customerOrOwn(caller, customerId), plan);
    }

    @Description(SERIES)
    public Uni<CallTimeSeries> callTimeSeries(
            @Source Customer customer,
            @NonNull @Description("Width of each bucket.") TimeGranularity granularity,
            @NonNull @Description("First day of the range (UTC, inclusive), YYYY-MM-DD.") LocalDate fromDate,
            @NonNull @Description("Last day of the range (UTC, inclusive), YYYY-MM-DD.") LocalDate toDate,
            @Description("Narrows the calls (without dates: the range is fromDate/toDate); omit for all calls.")
            CallFilter filter) {
        SeriesPlan plan = analytics.plan(granularity, fromDate, toDate, filter);
        return analytics.timeSeries(tenant.caller(), customer.id(), plan);
    }

    @Query("callBreakdown")
    @Description("A filtered set of calls split by direction, status and hangup cause (counts, shares, cost), from "
            + "exact upstream summaries. One customer's calls, or (partner users, no customerId) the whole partner's; "
            + "customer users without customerId get their own.")
    public Uni<CallBreakdown> callBreakdown(
            @Id @Description("The customer; omit for the whole partner (partner users only).") String customerId,
            @Description("Narrows the calls; omit for all calls.") CallFilter filter) {
        Caller caller = tenant.caller();
        return analytics.breakdown(caller, AccessPolicy.customerOrOwn(caller, customerId), filter);
    }

    @Description("The customer's filtered calls split by direction, status and hangup cause, from exact upstream "
            + "summaries.")
    public Uni<CallBreakdown> callBreakdown(
            @Source Customer customer,
            @Description("Narrows the calls; omit for all calls.") CallFilter filter) {
        return analytics.breakdown(tenant.caller(), customer.id(), filter);
    }

    @Description("Totals over the whole filtered set (1 upstream call).")
    public Uni<CallSummary> summary(@Source CallBreakdown breakdown) {
        return analytics.breakdownSummary(tenant.caller(), breakdown);
    }

    @Description("The set split by direction (2 upstream summaries plus the set's total).")
    public Uni<CallsByDirection> byDirection(@Source CallBreakdown breakdown) {
        return analytics.byDirection(tenant.caller(), breakdown);
    }

    @Description("The set split by outcome (4 upstream summaries plus the set's total, on the partner API).")
    public Uni<CallsByStatus> byStatus(@Source CallBreakdown breakdown) {
        return analytics.byStatus(tenant.caller(), breakdown);
    }

    @Description("The set split by hangup cause, with each cause's meaning (16 upstream summaries plus the set's "
            + "total, on the partner API).")
    public Uni<CallsByHangupCause> byHangupCause(@Source CallBreakdown breakdown) {
        return analytics.byHangupCause(tenant.caller(), breakdown);
    }
}
