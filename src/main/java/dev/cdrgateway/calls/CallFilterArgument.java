package dev.cdrgateway.calls;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.schema.FieldArguments;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The {@code filter} argument of the call fields (here and in the features built on calls), read before the field
 * runs and normalised for today's UTC date as the services normalise it, so both refuse the same filters with the
 * same messages.
 */
@ApplicationScoped
public class CallFilterArgument {

    private final Clock clock;

    CallFilterArgument(Clock clock) {
        this.clock = clock;
    }

    /** The field's normalised filter; {@link CallCriteria#NONE} when it has none. */
    public CallCriteria of(FieldArguments field) {
        return field.input("filter").map(this::read).orElse(CallCriteria.NONE);
    }

    private CallCriteria read(FieldArguments filter) {
        CallFilter input = new CallFilter(filter.date("fromDate"), filter.date("toDate"),
                filter.enumValue(CallDirection.class, "direction"), filter.enumValue(CallStatus.class, "status"),
                filter.enumValue(HangupCause.class, "hangupCause"), filter.integer("minDurationSeconds"),
                filter.integer("maxDurationSeconds"), filter.string("callerNumber"), filter.string("calleeNumber"));
        return CallFilter.normalised(input, LocalDate.now(clock));
    }
}
