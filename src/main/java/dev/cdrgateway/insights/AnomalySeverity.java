package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;

/** How serious a rule's finding is. */
@Description("How serious a rule's finding is.")
public enum AnomalySeverity {
    @Description("The rule did not fire (or there were too few calls to judge).")
    NONE,
    @Description("The observed value crossed the threshold.")
    WARNING,
    @Description("The observed value is at least twice as far from the baseline as the threshold is.")
    CRITICAL
}
