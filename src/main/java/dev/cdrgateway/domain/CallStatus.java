package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

import java.util.Locale;

/**
 * The outcome of a call. Vobiz rows carry no status: it is derived by {@link #classify(int, HangupCause)},
 * the one place that decides (answered when billed seconds are positive, else by hangup cause).
 */
@Description("The outcome of a call: answered when any second was billed, otherwise busy, no-answer or failed "
        + "according to the hangup cause.")
public enum CallStatus {
    @Description("The callee answered (billable seconds > 0).")
    ANSWERED("answered"),
    @Description("The call was not connected for a reason other than busy or no answer.")
    FAILED("failed"),
    @Description("The callee was busy or declined.")
    BUSY("busy"),
    @Description("Nobody answered before the timeout, or the caller gave up while it rang.")
    NO_ANSWER("no_answer");

    private final String wireValue;

    CallStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value the partner API's {@code status} filter expects ({@code no_answer} with an underscore). */
    public String wireValue() {
        return wireValue;
    }

    /** Derives the status of a row: the documented rule {@code answered ⇔ billsec > 0}, then the cause table. */
    public static CallStatus classify(int billableSeconds, HangupCause cause) {
        if (billableSeconds > 0) {
            return ANSWERED;
        }
        if (cause == HangupCause.USER_BUSY) {
            return BUSY;
        }
        if (cause == HangupCause.NO_ANSWER || cause == HangupCause.ORIGINATOR_CANCEL) {
            return NO_ANSWER;
        }
        return FAILED;
    }

    /**
     * Reads any status spelling a vendor document uses ({@code no_answer}, {@code no-answer}, {@code cancelled}
     * from the legacy SDK enum); {@code null} when unknown.
     */
    public static CallStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "answered", "completed" -> ANSWERED;
            case "busy" -> BUSY;
            case "no_answer", "noanswer", "cancelled", "canceled" -> NO_ANSWER;
            case "failed" -> FAILED;
            default -> null;
        };
    }
}
