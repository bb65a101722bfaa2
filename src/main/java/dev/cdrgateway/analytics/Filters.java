package dev.cdrgateway.analytics;

import dev.cdrgateway.cdr.CallDirection;
import dev.cdrgateway.cdr.CallStatus;
import dev.cdrgateway.cdr.CdrFilter;
import dev.cdrgateway.cdr.HangupCause;

import java.time.LocalDate;

/** Variants of a validated filter: one bucket's dates, one breakdown value. */
final class Filters {

    private Filters() {
    }

    static CdrFilter withDates(CdrFilter f, LocalDate from, LocalDate to) {
        return new CdrFilter(from, to, f.direction(), f.status(), f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CdrFilter withDirection(CdrFilter f, CallDirection direction) {
        return new CdrFilter(f.fromDate(), f.toDate(), direction, f.status(), f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CdrFilter withStatus(CdrFilter f, CallStatus status) {
        return new CdrFilter(f.fromDate(), f.toDate(), f.direction(), status, f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CdrFilter withHangupCause(CdrFilter f, HangupCause cause) {
        return new CdrFilter(f.fromDate(), f.toDate(), f.direction(), f.status(), cause, f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }
}
