package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Why and by whom a call was ended. */
@Description("Why and by whom a call was ended.")
public record Hangup(
        @NonNull @Description("The hangup cause; UNKNOWN for a missing or undocumented value.") HangupCause cause,
        @Description("The cause exactly as Vobiz reported it (kept when cause is UNKNOWN).") String rawCause,
        @NonNull @Description("Plain-English meaning of the cause.") String meaning,
        @Description("Vobiz numeric hangup code, e.g. 4000.") Integer code,
        @Description("Vobiz name for the code, e.g. Normal Hangup.") String name,
        @Description("SIP-level disposition, e.g. send_bye, recv_bye, send_refuse.") String disposition,
        @Description("Who ended the call: Caller, Callee, Carrier, Vobiz, ...") String source,
        @Description("Failure code (usually a SIP status such as 486) when the call failed.") String failureCode,
        @Description("Failure reason text when the call failed.") String failureReason) {
}
