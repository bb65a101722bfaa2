package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Every anomaly rule evaluated for one customer or the whole partner. */
@Description("Anomaly rules (fraud and misconfiguration signals) evaluated for one customer or the whole partner.")
public record AnomalyReport(
        @Id @Description("The customer; null for partner-wide.") String customerId,
        @NonNull @Description("The observed window.") DateRange window,
        @NonNull @Description("The baseline window (the days just before the observed window).") DateRange baselineWindow,
        @NonNull @Description("The rules that fired, most severe first.") List<@NonNull Anomaly> anomalies,
        @NonNull @Description("Every rule's evaluation, fired or not, in a fixed order.") List<@NonNull Anomaly> checks) {
}
