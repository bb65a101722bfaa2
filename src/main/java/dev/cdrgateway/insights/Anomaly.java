package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One rule evaluated over a window against its baseline. */
@Description("One anomaly rule evaluated over the observed window against the baseline window. Values are "
        + "percentages (0-100, one decimal).")
public record Anomaly(
        @NonNull @Description("The rule.") AnomalyRule rule,
        @NonNull @Description("Whether the rule fired.") boolean triggered,
        @NonNull @Description("NONE when it did not fire.") AnomalySeverity severity,
        @NonNull @Description("The observed window.") DateRange window,
        @NonNull @Description("The baseline window (the days just before the observed window).") DateRange baselineWindow,
        @NonNull @Description("The observed value in percent.") double observedValue,
        @NonNull @Description("The baseline value in percent.") double baselineValue,
        @Description("The value at which the rule fires, in percent; null when there were too few calls to judge.")
        Double threshold,
        @NonNull @Description("Calls the observed value is computed from.") int observedCalls,
        @NonNull @Description("Calls the baseline value is computed from.") int baselineCalls,
        @NonNull @Description("What was compared and what it may mean, in plain English.") String explanation) {
}
