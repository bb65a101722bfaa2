package dev.cdrgateway.simulator;

import java.util.Locale;

/**
 * The partner API's {@code status} filter values. CDR rows carry no status, so the simulator classifies
 * them exactly like the gateway is told to (docs/vobiz-contract.md#call-status): talk time means answered,
 * otherwise the hangup cause decides.
 */
enum SimulatedStatus {
    ANSWERED, BUSY, NO_ANSWER, FAILED;

    static SimulatedStatus of(int billsec, String hangupCause) {
        if (billsec > 0) {
            return ANSWERED;
        }
        if ("USER_BUSY".equals(hangupCause)) {
            return BUSY;
        }
        if ("NO_ANSWER".equals(hangupCause) || "ORIGINATOR_CANCEL".equals(hangupCause)) {
            return NO_ANSWER;
        }
        return FAILED;
    }

    /** Parses a filter value; both {@code no_answer} (primary pages) and {@code no-answer} (older docs) are accepted. */
    static SimulatedStatus parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SimulatedStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "invalid status '" + value + "': expected answered, failed, busy or no_answer");
    }
}
