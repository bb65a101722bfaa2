package dev.cdrgateway.insights;

import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.Customer;
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

/** Leaderboards (partner users), call quality reports and anomaly rules (one customer or the whole partner). */
@GraphQLApi
public class InsightsGraphQLApi {

    private final LeaderboardService leaderboards;
    private final QualityService quality;
    private final AnomalyService anomalies;
    private final TenantContext tenant;

    InsightsGraphQLApi(LeaderboardService leaderboards, QualityService quality, AnomalyService anomalies,
                       TenantContext tenant) {
        this.leaderboards = leaderboards;
        this.quality = quality;
        this.anomalies = anomalies;
        this.tenant = tenant;
    }

    @Query("leaderboard")
    @Description("The partner's customers ranked by a metric over a date range, top N. Partner users only. Reads "
            + "every customer's figures concurrently (bounded) and caches them; customers that fail are reported in "
            + "`failures` instead of failing the whole leaderboard.")
    public Uni<Leaderboard> leaderboard(
            @NonNull @Description("What to rank by.") LeaderboardMetric metric,
            @NonNull @Description("The calls to rank by; `fromDate` is required (a leaderboard covers a date range).")
            CallFilter filter,
            @Description("How many entries (1-100, default 10).") Integer top,
            @Description("Which end comes first (default HIGHEST_FIRST).") RankOrder order,
            @Description("Only customers billed in this ISO 4217 currency, e.g. INR. Required with metric COST.")
            String currency) {
        return leaderboards.leaderboard(tenant.caller(), metric, filter, top, order, currency);
    }

    @Query("callQuality")
    @Description("Media quality over a filtered set of calls: one customer's, or (partner users, no customerId) the "
            + "whole partner's. A bounded scan of the set's newest calls (see CallQualityReport).")
    public Uni<CallQualityReport> callQuality(
            @Id @Description("The customer; omit for the whole partner (partner users only).") String customerId,
            @Description("Narrows the calls; omit for all calls (the newest ones are scanned).") CallFilter filter) {
        Caller caller = tenant.caller();
        String customer = AccessPolicy.customerOrOwn(caller, customerId);
        return customer == null ? quality.globalReport(caller, filter) : quality.customerReport(caller, customer, filter);
    }

    @Description("Media quality over the customer's filtered calls (a bounded scan of its newest calls).")
    public Uni<CallQualityReport> callQuality(
            @Source Customer customer,
            @Description("Narrows the calls; omit for all calls (the newest ones are scanned).") CallFilter filter) {
        return quality.customerReport(tenant.caller(), customer.id(), filter);
    }

    @Description("The scanned calls with quality data, worst first: MOS ascending, ties newest first. Only the calls "
            + "the report scanned are ranked (bounded; see complete). No further upstream call.")
    public WorstCallConnection worstCalls(
            @Source CallQualityReport report,
            @Description("Number of calls after `after` (0-500, default 20).") Integer first,
            @Description("Cursor to start after.") String after) {
        return quality.worstCalls(report, first, after);
    }

    @Query("anomalies")
    @Description("Fraud and misconfiguration signals: each rule compares the observed window (the last windowDays "
            + "days up to asOf) with the baseline window just before it. One customer's calls, or (partner users, no "
            + "customerId) the whole partner's.")
    public Uni<AnomalyReport> anomalies(
            @Id @Description("The customer; omit for the whole partner (partner users only).") String customerId,
            @Description("Days in the observed window, ending with asOf (default 1, at most 31).") Integer windowDays,
            @Description("Days in the baseline window, just before the observed one (default 7, at most 90).")
            Integer baselineDays,
            @Description("Last day of the observed window (UTC), YYYY-MM-DD; default today, never in the future.")
            LocalDate asOf) {
        Caller caller = tenant.caller();
        String customer = AccessPolicy.customerOrOwn(caller, customerId);
        return customer == null ? anomalies.globalReport(caller, windowDays, baselineDays, asOf)
                : anomalies.customerReport(caller, customer, windowDays, baselineDays, asOf);
    }

    @Description("Fraud and misconfiguration signals over the customer's calls (see Query.anomalies).")
    public Uni<AnomalyReport> anomalies(
            @Source Customer customer,
            @Description("Days in the observed window, ending with asOf (default 1, at most 31).") Integer windowDays,
            @Description("Days in the baseline window, just before the observed one (default 7, at most 90).")
            Integer baselineDays,
            @Description("Last day of the observed window (UTC), YYYY-MM-DD; default today, never in the future.")
            LocalDate asOf) {
        return anomalies.customerReport(tenant.caller(), customer.id(), windowDays, baselineDays, asOf);
    }
}
