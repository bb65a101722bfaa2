package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;

/** The anomaly rules: simple comparisons of an observed window with the baseline window before it. */
@Description("An anomaly rule: a simple comparison of the observed window with the baseline window just before it, "
        + "from upstream summaries only. Thresholds are configured under gateway.insights.anomalies.")
public enum AnomalyRule {
    @Description("Spike of short outbound calls: the share of outbound calls lasting under short-call-seconds "
            + "(default 10 s, ringing + talk) reaches short-call-spike-factor (2x) times the baseline share and at "
            + "least short-call-min-share-percent (30 %). Typical of toll fraud (IRSF, traffic pumping, wangiri "
            + "callbacks) through a compromised account or trunk, or of a dialler misconfiguration.")
    SHORT_CALL_SPIKE,
    @Description("Answer-rate collapse: the answer rate fell answer-rate-drop-points (20) percentage points or more "
            + "below the baseline. Typical of a routing, trunk or caller-id misconfiguration, or of blocked numbers.")
    ANSWER_RATE_COLLAPSE,
    @Description("Unusual no-answer rate: the share of calls that rang out unanswered (status NO_ANSWER) rose "
            + "no-answer-rise-points (15) percentage points or more above the baseline. Typical of numbers flagged "
            + "as spam, wrong calling hours, or robocall-like dialling.")
    UNUSUAL_NO_ANSWER_RATE
}
