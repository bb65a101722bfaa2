package dev.cdrgateway.domain;

import java.time.LocalDate;

/**
 * A validated, normalised call filter: what the services and the CDR provider work with. Built from the
 * GraphQL {@link CallFilter} input by {@link CallFilter#normalised}; every field is optional. Dates are inclusive
 * UTC calendar days and are always both set or both absent (the account API ignores a lone date).
 */
public record CallCriteria(
        LocalDate fromDate,
        LocalDate toDate,
        CallDirection direction,
        CallStatus status,
        HangupCause hangupCause,
        Integer minDurationSeconds,
        Integer maxDurationSeconds,
        String callerNumber,
        String calleeNumber) {

    /** The filter with nothing set. */
    public static final CallCriteria NONE = new CallCriteria(null, null, null, null, null, null, null, null, null);

    /** Whether any criterion is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** A stable text form, used for cursor fingerprints and memo keys (never contains secrets). */
    public String canonical() {
        return "from=" + fromDate + "&to=" + toDate + "&dir=" + direction + "&status=" + status + "&cause=" + hangupCause
                + "&min=" + minDurationSeconds + "&max=" + maxDurationSeconds + "&caller=" + callerNumber
                + "&callee=" + calleeNumber;
    }
}
