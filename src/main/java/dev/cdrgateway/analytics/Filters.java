package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.HangupCause;

import java.time.LocalDate;

/** Variants of a validated filter: one bucket's dates, one breakdown value. */
final class Filters {

    private Filters() {
    }

    static CallCriteria withDates(CallCriteria f, LocalDate from, LocalDate to) {
        return new CallCriteria(from, to, f.direction(), f.status(), f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CallCriteria withDirection(CallCriteria f, CallDirection direction) {
        return new CallCriteria(f.fromDate(), f.toDate(), direction, f.status(), f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CallCriteria withStatus(CallCriteria f, CallStatus status) {
        return new CallCriteria(f.fromDate(), f.toDate(), f.direction(), status, f.hangupCause(), f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }

    static CallCriteria withHangupCause(CallCriteria f, HangupCause cause) {
        return new CallCriteria(f.fromDate(), f.toDate(), f.direction(), f.status(), cause, f.minDurationSeconds(),
                f.maxDurationSeconds(), f.callerNumber(), f.calleeNumber());
    }
}
