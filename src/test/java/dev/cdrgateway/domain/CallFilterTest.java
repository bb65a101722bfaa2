package dev.cdrgateway.domain;

import dev.cdrgateway.domain.error.BadUserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation and normalisation of the GraphQL {@code CallFilter} argument, before any upstream call. */
class CallFilterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 25);
    private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);

    @Test
    void noFilterIsTheEmptyFilter() {
        assertSame(CallCriteria.NONE, CallFilter.normalised(null, TODAY));
        assertTrue(CallFilter.normalised(filter().build(), TODAY).isEmpty());
    }

    @Test
    void validFilterIsNormalised() {
        CallCriteria f = CallFilter.normalised(filter().from(MAR_20).to(TODAY).direction(CallDirection.OUTBOUND)
                .min(10).max(600).caller("  +918000000001 ").callee("\t8000000051\n").build(), TODAY);

        assertEquals(new CallCriteria(MAR_20, TODAY, CallDirection.OUTBOUND, null, null, 10, 600, "+918000000001",
                "8000000051"), f);
    }

    @Test
    void sameDayRangeIsValid() {
        CallCriteria f = CallFilter.normalised(filter().from(TODAY).to(TODAY).build(), TODAY);

        assertEquals(TODAY, f.fromDate());
        assertEquals(TODAY, f.toDate());
    }

    @Test
    void fromDateAloneRunsUntilToday() {
        CallCriteria f = CallFilter.normalised(filter().from(MAR_20).build(), TODAY);

        assertEquals(MAR_20, f.fromDate());
        assertEquals(TODAY, f.toDate(), "Vobiz needs both dates: the open end becomes today");
    }

    @Test
    void toDateBeforeFromDateIsRefused() {
        assertRefused(filter().from(TODAY).to(MAR_20), "filter.toDate");
    }

    @Test
    void fromDateAloneInTheFutureIsRefused() {
        assertRefused(filter().from(TODAY.plusDays(1)), "filter.toDate");
    }

    @Test
    void toDateAloneIsRefusedAskingForFromDate() {
        assertRefused(filter().to(TODAY), "filter.fromDate");
    }

    @Test
    void negativeMinimumDurationIsRefused() {
        assertRefused(filter().min(-1), "filter.minDurationSeconds");
    }

    @Test
    void negativeMaximumDurationIsRefused() {
        assertRefused(filter().max(-5), "filter.maxDurationSeconds");
    }

    @Test
    void maximumBelowMinimumIsRefused() {
        assertRefused(filter().min(60).max(59), "filter.maxDurationSeconds");
    }

    @Test
    void equalMinimumAndMaximumAreValid() {
        CallCriteria f = CallFilter.normalised(filter().min(0).max(0).build(), TODAY);

        assertEquals(0, f.minDurationSeconds());
        assertEquals(0, f.maxDurationSeconds());
    }

    @Test
    void unknownHangupCauseIsRefused() {
        assertRefused(filter().cause(HangupCause.UNKNOWN), "filter.hangupCause");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+91abc00001", "call-me", "+91 800 000", "++918000000001", "123456789012345678901"})
    void badCallerNumberIsRefused(String number) {
        assertRefused(filter().caller(number), "filter.callerNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000000051x", "+", "1234567890123456789012"})
    void badCalleeNumberIsRefused(String number) {
        assertRefused(filter().callee(number), "filter.calleeNumber");
    }

    @Test
    void twentyDigitNumberIsTheLongestAccepted() {
        CallCriteria f = CallFilter.normalised(filter().caller("+12345678901234567890").build(), TODAY);

        assertEquals("+12345678901234567890", f.callerNumber());
    }

    @Test
    void canonicalFormDiffersWhenAnyCriterionDiffers() {
        CallCriteria a = normalised(filter().from(MAR_20).to(TODAY).caller("+918000000001"));
        CallCriteria b = normalised(filter().from(MAR_20).to(TODAY).caller("+918000000002"));
        CallCriteria c = normalised(filter().from(MAR_20).to(TODAY).caller(" +918000000001 "));

        assertFalse(a.canonical().equals(b.canonical()));
        assertEquals(a.canonical(), c.canonical(), "trimmed numbers are the same filter");
        assertNull(a.status());
    }

    private static void assertRefused(Builder builder, String field) {
        BadUserInputException e = assertThrows(BadUserInputException.class,
                () -> CallFilter.normalised(builder.build(), TODAY));
        assertTrue(e.getMessage().contains(field), "message names " + field + ": " + e.getMessage());
        assertEquals("BAD_USER_INPUT", e.code());
    }

    private static CallCriteria normalised(Builder builder) {
        return CallFilter.normalised(builder.build(), TODAY);
    }

    private static Builder filter() {
        return new Builder();
    }

    /** Builds the GraphQL input record field by field, so each test shows only what it sets. */
    private static final class Builder {
        private LocalDate from;
        private LocalDate to;
        private CallDirection direction;
        private CallStatus status;
        private HangupCause cause;
        private Integer min;
        private Integer max;
        private String caller;
        private String callee;

        Builder from(LocalDate value) {
            from = value;
            return this;
        }

        Builder to(LocalDate value) {
            to = value;
            return this;
        }

        Builder direction(CallDirection value) {
            direction = value;
            return this;
        }

        Builder status(CallStatus value) {
            status = value;
            return this;
        }

        Builder cause(HangupCause value) {
            cause = value;
            return this;
        }

        Builder min(int value) {
            min = value;
            return this;
        }

        Builder max(int value) {
            max = value;
            return this;
        }

        Builder caller(String value) {
            caller = value;
            return this;
        }

        Builder callee(String value) {
            callee = value;
            return this;
        }

        CallFilter build() {
            return new CallFilter(from, to, direction, status, cause, min, max, caller, callee);
        }
    }
}
