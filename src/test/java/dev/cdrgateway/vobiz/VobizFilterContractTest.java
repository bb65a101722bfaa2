package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.HangupCause;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which criteria send a read to the partner API, and the query parameters a criteria becomes on each API. */
class VobizFilterContractTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 25);
    private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);

    @Test
    void statusHangupCauseAndMaximumDurationNeedThePartnerApi() {
        assertTrue(VobizFilterContract.needsPartnerApi(normalised(null, null, null, CallStatus.BUSY, null, null, null,
                null, null)), "status");
        assertTrue(VobizFilterContract.needsPartnerApi(normalised(null, null, null, null, HangupCause.USER_BUSY, null,
                null, null, null)), "hangupCause");
        assertTrue(VobizFilterContract.needsPartnerApi(normalised(null, null, null, null, null, null, 30, null, null)),
                "maxDurationSeconds");
    }

    @Test
    void accountApiFiltersDoNotNeedThePartnerApi() {
        CallCriteria f = normalised(MAR_20, TODAY, CallDirection.INBOUND, null, null, 5, null, "+918000000001",
                "+918000000002");

        assertFalse(VobizFilterContract.needsPartnerApi(f));
        assertFalse(VobizFilterContract.needsPartnerApi(CallCriteria.NONE));
    }

    @Test
    void everyCriterionGoesUnderItsUpstreamNameAndStatusNeverToTheAccountApi() {
        CallCriteria f = normalised(MAR_20, TODAY, CallDirection.OUTBOUND, CallStatus.NO_ANSWER,
                HangupCause.USER_BUSY, 5, 60, "+918000000001", "8000000051");

        assertEquals(Map.of("start_date", "2026-03-20", "end_date", "2026-03-25", "call_direction", "outbound",
                "min_duration", "5", "max_duration", "60", "hangup_cause", "USER_BUSY", "from_number", "+918000000001",
                "to_number", "8000000051", "status", "no_answer"), VobizFilterContract.query(f, false));
        assertFalse(VobizFilterContract.query(f, true).containsKey("status"));
    }

    private static CallCriteria normalised(LocalDate from, LocalDate to, CallDirection direction, CallStatus status,
                                           HangupCause cause, Integer min, Integer max, String caller, String callee) {
        return CallFilter.normalised(new CallFilter(from, to, direction, status, cause, min, max, caller, callee), TODAY);
    }
}
