package dev.cdrgateway.simulator;

/**
 * The ways a simulated call ends, each with the hangup fields Vobiz reports together
 * (docs/vobiz-contract.md#call-status and the test fixtures). Numeric codes are only given where the docs or
 * fixtures show one; elsewhere they are {@code null}, as on real MEDIA_TIMEOUT / ORIGINATOR_CANCEL rows.
 */
enum SimulatedHangup {
    CALLER_HANGUP("NORMAL_CLEARING", 4000, "Normal SimulatedHangup", "recv_bye", "Caller", null, null, true, true),
    CALLEE_HANGUP("NORMAL_CLEARING", 4000, "Normal SimulatedHangup", "recv_bye", "Callee", null, null, true, true),
    APPLICATION_END("NORMAL_CLEARING", 4010, "End Of XML Instructions", "send_bye", "Vobiz", null, null, true, true),
    MEDIA_TIMEOUT("MEDIA_TIMEOUT", null, null, "send_bye", "Vobiz", null, null, true, true),
    USER_BUSY("USER_BUSY", 3000, "Busy Line", "recv_refuse", "Callee", "486", "Busy Here", false, true),
    NO_ANSWER("NO_ANSWER", 3020, "Ring Timeout Reached", "send_cancel", "Vobiz", "480",
            "No answer within ring timeout", false, true),
    ORIGINATOR_CANCEL("ORIGINATOR_CANCEL", null, null, "recv_cancel", "Caller", "487", "Request Terminated",
            false, true),
    CALL_REJECTED("CALL_REJECTED", null, null, "recv_refuse", "Callee", "603", "Decline", false, true),
    SERVICE_UNAVAILABLE("SERVICE_UNAVAILABLE", 2010, "Destination Out Of Service", "recv_refuse", "Carrier",
            "503", "Service Unavailable", false, true),
    NORMAL_TEMPORARY_FAILURE("NORMAL_TEMPORARY_FAILURE", null, null, "recv_refuse", "Carrier", "480",
            "Temporarily Unavailable", false, true),
    UNALLOCATED_NUMBER("UNALLOCATED_NUMBER", 2000, "Invalid Destination Address", "recv_refuse", "Carrier",
            "404", "Unallocated number", false, false),
    INVALID_NUMBER("INVALID_NUMBER", 2000, "Invalid Destination Address", "send_refuse", "Vobiz", "484",
            "Address Incomplete", false, false),
    DESTINATION_OUT_OF_ORDER("DESTINATION_OUT_OF_ORDER", null, null, "recv_refuse", "Carrier", "502",
            "Bad Gateway", false, false);

    private final String cause;
    private final Integer code;
    private final String causeName;
    private final String disposition;
    private final String source;
    private final String failureCode;
    private final String failureReason;
    private final boolean connects;
    private final boolean progresses;

    SimulatedHangup(String cause, Integer code, String causeName, String disposition, String source, String failureCode,
            String failureReason, boolean connects, boolean progresses) {
        this.cause = cause;
        this.code = code;
        this.causeName = causeName;
        this.disposition = disposition;
        this.source = source;
        this.failureCode = failureCode;
        this.failureReason = failureReason;
        this.connects = connects;
        this.progresses = progresses;
    }

    String cause() {
        return cause;
    }

    Integer code() {
        return code;
    }

    String causeName() {
        return causeName;
    }

    String disposition() {
        return disposition;
    }

    String source() {
        return source;
    }

    String failureCode() {
        return failureCode;
    }

    String failureReason() {
        return failureReason;
    }

    /** Whether the call was answered (has talk time). */
    boolean connects() {
        return connects;
    }

    /** Whether the call got as far as ringing; calls that never did carry no media statistics at all. */
    boolean progresses() {
        return progresses;
    }
}
