package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** One criterion of {@link CallFilter}, to say which were applied upstream. */
@Description("One field of CallFilter.")
public enum CallFilterField {
    @Description("CallFilter.fromDate") FROM_DATE,
    @Description("CallFilter.toDate") TO_DATE,
    @Description("CallFilter.direction") DIRECTION,
    @Description("CallFilter.status") STATUS,
    @Description("CallFilter.hangupCause") HANGUP_CAUSE,
    @Description("CallFilter.minDurationSeconds") MIN_DURATION_SECONDS,
    @Description("CallFilter.maxDurationSeconds") MAX_DURATION_SECONDS,
    @Description("CallFilter.callerNumber") CALLER_NUMBER,
    @Description("CallFilter.calleeNumber") CALLEE_NUMBER
}
