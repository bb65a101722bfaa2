package dev.cdrgateway.insights;

import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.paging.CallPages;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Anomaly rules for one customer or the whole partner. Each rule compares a rate in the observed window (the last
 * {@code windowDays} days up to {@code asOf}) with the same rate in the baseline window just before it. Every rate
 * comes from an upstream list summary (per_page=1): all calls, outbound calls, outbound calls of at least
 * {@code short-call-seconds} ({@code min_duration}, documented by both APIs, docs/vobiz-contract.md#filters-and-their-upstream-names,
 * so short = outbound − long) and
 * {@code status=no_answer} calls (partner API; the provider picks it). Eight summary reads per report, concurrent,
 * cached like every read (the baseline is a closed range, so long).
 */
@ApplicationScoped
public class AnomalyService {

    private final CallSource source;
    private final CallPages pages;
    private final InsightsConfig.Anomalies config;
    private final Clock clock;

    AnomalyService(CallSource source, CallPages pages, InsightsConfig config, Clock clock) {
        this.clock = clock;
        this.source = source;
        this.pages = pages;
        this.config = config.anomalies();
    }

    /** The observed and baseline windows of a report. */
    public record Windows(DateRange observed, DateRange baseline) {
    }

    /** Rules evaluated over one customer's calls. */
    public Uni<AnomalyReport> customerReport(Caller caller, String customerId, Integer windowDays, Integer baselineDays,
                                             LocalDate asOf) {
        CustomerIds.requireValid(customerId, "customerId");
        Windows windows = InsightsFieldRules.anomalyWindows(windowDays, baselineDays, asOf, LocalDate.now(clock),
                config);
        AccessPolicy.requireVisible(caller, customerId);
        // The customer is settled once (NOT_FOUND after one record lookup) before the eight summary reads.
        return source.knownCustomer(caller.tenant(), customerId, CallCriteria.NONE)
                .flatMap(known -> report(customerId, windows,
                        filter -> source.customer(caller.tenant(), customerId, filter)))
                .onFailure(UpstreamNotFoundException.class).transform(f -> AccessPolicy.notFoundCustomer(customerId));
    }

    /** Rules evaluated over the partner's whole call log (partner roles only). */
    public Uni<AnomalyReport> globalReport(Caller caller, Integer windowDays, Integer baselineDays, LocalDate asOf) {
        Windows windows = InsightsFieldRules.anomalyWindows(windowDays, baselineDays, asOf, LocalDate.now(clock),
                config);
        AccessPolicy.requirePartner(caller, "anomalies");
        CallScope global = source.partnerWide(caller.tenant());
        return report(null, windows, filter -> Uni.createFrom().item(global));
    }

    /** The counts one window needs. */
    private record Counts(CallSummary all, int outbound, int outboundLong, int noAnswer) {
        int shortOutbound() {
            return Math.max(0, outbound - outboundLong);
        }
    }

    private Uni<AnomalyReport> report(String customerId, Windows windows, Function<CallCriteria, Uni<CallScope>> routes) {
        return Uni.combine().all().unis(counts(windows.observed(), routes), counts(windows.baseline(), routes))
                .asTuple()
                .map(t -> {
                    List<Anomaly> checks = List.of(
                            shortCallSpike(windows, t.getItem1(), t.getItem2()),
                            answerRateCollapse(windows, t.getItem1(), t.getItem2()),
                            noAnswerRate(windows, t.getItem1(), t.getItem2()));
                    List<Anomaly> fired = checks.stream().filter(Anomaly::triggered)
                            .sorted(Comparator.comparing(Anomaly::severity).reversed()
                                    .thenComparing(Anomaly::rule))
                            .toList();
                    return new AnomalyReport(customerId, windows.observed(), windows.baseline(), fired, checks);
                });
    }

    private Uni<Counts> counts(DateRange range, Function<CallCriteria, Uni<CallScope>> routes) {
        CallCriteria all = new CallCriteria(range.fromDate(), range.toDate(), null, null, null, null, null, null, null);
        CallCriteria outbound = new CallCriteria(range.fromDate(), range.toDate(), CallDirection.OUTBOUND, null, null, null,
                null, null, null);
        CallCriteria outboundLong = new CallCriteria(range.fromDate(), range.toDate(), CallDirection.OUTBOUND, null, null,
                config.shortCallSeconds(), null, null, null);
        CallCriteria noAnswer = new CallCriteria(range.fromDate(), range.toDate(), null, CallStatus.NO_ANSWER, null, null,
                null, null, null);
        return Uni.combine().all().unis(summary(all, routes), summary(outbound, routes), summary(outboundLong, routes),
                        summary(noAnswer, routes)).asTuple()
                .map(t -> new Counts(t.getItem1(), t.getItem2().totalCalls(), t.getItem3().totalCalls(),
                        t.getItem4().totalCalls()));
    }

    private Uni<CallSummary> summary(CallCriteria filter, Function<CallCriteria, Uni<CallScope>> routes) {
        return Uni.createFrom().deferred(() -> routes.apply(filter))
                .flatMap(route -> pages.page(route, filter, 1, 1))
                .map(CallPage::summary);
    }

    private Anomaly shortCallSpike(Windows w, Counts observed, Counts baseline) {
        int minCalls = config.minCalls();
        double obs = Rates.percent(observed.shortOutbound(), observed.outbound());
        double base = Rates.percent(baseline.shortOutbound(), baseline.outbound());
        boolean baselineKnown = baseline.outbound() >= minCalls;
        String what = String.format(Locale.ROOT, "%s%% of %d outbound calls in %s lasted under %d s (ringing + talk), "
                        + "against %s%% of %d in the baseline %s", num(obs), observed.outbound(), w.observed().text(),
                config.shortCallSeconds(), num(base), baseline.outbound(), w.baseline().text());
        if (observed.outbound() < minCalls) {
            return quiet(AnomalyRule.SHORT_CALL_SPIKE, w, obs, base, observed.outbound(), baseline.outbound(),
                    what + ". Not judged: the window needs at least " + minCalls + " outbound calls.");
        }
        double reference = baselineKnown ? base : 0;
        double threshold = Rates.round1(Math.max(reference * config.shortCallSpikeFactor(), config.shortCallMinSharePercent()));
        String rule = baselineKnown
                ? String.format(Locale.ROOT, "; the rule fires at %s%% (%sx the baseline share, at least %s%%)",
                num(threshold), num(config.shortCallSpikeFactor()), num(config.shortCallMinSharePercent()))
                : String.format(Locale.ROOT, "; the baseline has fewer than %d outbound calls, so the rule fires at "
                + "the absolute minimum share of %s%%", minCalls, num(threshold));
        boolean fired = obs >= threshold;
        String meaning = fired ? " Many very short outbound calls can mean toll fraud (IRSF or traffic pumping through "
                + "a compromised account or trunk) or a dialler misconfiguration; check the destinations."
                : " Within the usual range.";
        return evaluated(AnomalyRule.SHORT_CALL_SPIKE, w, obs, base, threshold, reference, fired,
                observed.outbound(), baseline.outbound(), what + rule + "." + meaning);
    }

    private Anomaly answerRateCollapse(Windows w, Counts observed, Counts baseline) {
        int minCalls = config.minCalls();
        int obsCalls = observed.all().totalCalls();
        int baseCalls = baseline.all().totalCalls();
        double obs = Rates.percent(observed.all().answeredCalls(), obsCalls);
        double base = Rates.percent(baseline.all().answeredCalls(), baseCalls);
        String what = String.format(Locale.ROOT, "Answer rate %s%% over %d calls in %s, against %s%% over %d calls in "
                + "the baseline %s", num(obs), obsCalls, w.observed().text(), num(base), baseCalls, w.baseline().text());
        if (obsCalls < minCalls || baseCalls < minCalls) {
            return quiet(AnomalyRule.ANSWER_RATE_COLLAPSE, w, obs, base, obsCalls, baseCalls,
                    what + ". Not judged: each window needs at least " + minCalls + " calls.");
        }
        double threshold = Rates.round1(base - config.answerRateDropPoints());
        boolean fired = obs <= threshold;
        String meaning = fired ? " A sudden drop in answered calls often means a routing, trunk or caller-id "
                + "misconfiguration, or numbers being blocked by carriers." : " Within the usual range.";
        return evaluated(AnomalyRule.ANSWER_RATE_COLLAPSE, w, obs, base, threshold, base, fired, obsCalls, baseCalls,
                what + String.format(Locale.ROOT, "; the rule fires at %s%% or below (%s points under the baseline).",
                        num(threshold), num(config.answerRateDropPoints())) + meaning);
    }

    private Anomaly noAnswerRate(Windows w, Counts observed, Counts baseline) {
        int minCalls = config.minCalls();
        int obsCalls = observed.all().totalCalls();
        int baseCalls = baseline.all().totalCalls();
        double obs = Rates.percent(observed.noAnswer(), obsCalls);
        double base = Rates.percent(baseline.noAnswer(), baseCalls);
        String what = String.format(Locale.ROOT, "%s%% of %d calls in %s rang out unanswered, against %s%% of %d in the "
                + "baseline %s", num(obs), obsCalls, w.observed().text(), num(base), baseCalls, w.baseline().text());
        if (obsCalls < minCalls || baseCalls < minCalls) {
            return quiet(AnomalyRule.UNUSUAL_NO_ANSWER_RATE, w, obs, base, obsCalls, baseCalls,
                    what + ". Not judged: each window needs at least " + minCalls + " calls.");
        }
        double threshold = Rates.round1(base + config.noAnswerRisePoints());
        boolean fired = obs >= threshold;
        String meaning = fired ? " More calls ringing out than usual often means the numbers are flagged as spam, calls "
                + "go out at the wrong hours, or a dialler is misconfigured." : " Within the usual range.";
        return evaluated(AnomalyRule.UNUSUAL_NO_ANSWER_RATE, w, obs, base, threshold, base, fired, obsCalls, baseCalls,
                what + String.format(Locale.ROOT, "; the rule fires at %s%% or above (%s points over the baseline).",
                        num(threshold), num(config.noAnswerRisePoints())) + meaning);
    }

    /**
     * A judged rule. Severity: CRITICAL when the observed value is at least twice as far from the reference as the
     * threshold is, else WARNING.
     */
    private static Anomaly evaluated(AnomalyRule rule, Windows w, double observed, double baseline, double threshold,
                                     double reference, boolean fired, int observedCalls, int baselineCalls,
                                     String explanation) {
        AnomalySeverity severity = AnomalySeverity.NONE;
        if (fired) {
            double margin = Math.abs(threshold - reference);
            severity = Math.abs(observed - reference) >= 2 * margin ? AnomalySeverity.CRITICAL : AnomalySeverity.WARNING;
        }
        return new Anomaly(rule, fired, severity, w.observed(), w.baseline(), observed, baseline, threshold,
                observedCalls, baselineCalls, explanation);
    }

    private static Anomaly quiet(AnomalyRule rule, Windows w, double observed, double baseline, int observedCalls,
                                 int baselineCalls, String explanation) {
        return new Anomaly(rule, false, AnomalySeverity.NONE, w.observed(), w.baseline(), observed, baseline, null,
                observedCalls, baselineCalls, explanation);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
