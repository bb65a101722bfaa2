package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

import java.util.Locale;

/** Why a call ended, with the plain-English meaning from the Vobiz hangup table. */
@Description("Why a call ended (Vobiz hangup cause). Values Vobiz adds later map to UNKNOWN; the raw string stays "
        + "available on Hangup.rawCause.")
public enum HangupCause {
    @Description("A party hung up normally.")
    NORMAL_CLEARING("A party hung up normally."),
    @Description("The callee was busy or declined.")
    USER_BUSY("The callee was busy or declined."),
    @Description("The call was not answered within the timeout.")
    NO_ANSWER("The call was not answered within the timeout."),
    @Description("The caller cancelled before the call was answered.")
    ORIGINATOR_CANCEL("The caller cancelled before the call was answered."),
    @Description("The destination explicitly rejected the call.")
    CALL_REJECTED("The destination explicitly rejected the call."),
    @Description("The SIP endpoint refused the INVITE.")
    REJECTED("The SIP endpoint refused the INVITE."),
    @Description("The dialled number's format is invalid.")
    INVALID_NUMBER("The dialled number's format is invalid."),
    @Description("The number has a valid format but is not assigned.")
    UNALLOCATED_NUMBER("The number has a valid format but is not assigned."),
    @Description("The destination was temporarily unavailable (SIP 503).")
    SERVICE_UNAVAILABLE("The destination was temporarily unavailable (SIP 503)."),
    @Description("An internal error occurred during call setup.")
    SERVER_ERROR("An internal error occurred during call setup."),
    @Description("No media (RTP) was received, usually a firewall or network problem.")
    MEDIA_TIMEOUT("No media (RTP) was received, usually a firewall or network problem."),
    @Description("A SIP protocol violation ended the call.")
    PROTOCOL_ERROR("A SIP protocol violation ended the call."),
    @Description("A severe network failure ended the call.")
    NETWORK_OUT_OF_ORDER("A severe network failure ended the call."),
    @Description("The endpoint cannot accept calls.")
    DESTINATION_OUT_OF_ORDER("The endpoint cannot accept calls."),
    @Description("A generic temporary failure; a retry may work.")
    NORMAL_TEMPORARY_FAILURE("A generic temporary failure; a retry may work."),
    @Description("The switch was at capacity.")
    SWITCH_CONGESTION("The switch was at capacity."),
    @Description("The cause is missing or not one Vobiz documents.")
    UNKNOWN("The cause is missing or not one Vobiz documents.");

    private final String meaning;

    HangupCause(String meaning) {
        this.meaning = meaning;
    }

    /** The plain-English meaning from the vendor's hangup table. */
    public String meaning() {
        return meaning;
    }

    /** Maps an upstream {@code hangup_cause}; anything missing or undocumented becomes {@link #UNKNOWN}. */
    public static HangupCause fromWire(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
