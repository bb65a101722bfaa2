package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallCriteria;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

/**
 * A filtered set of calls to be split by direction, status or hangup cause. Holds only the (validated) scope;
 * each split is its own field, resolved on demand, so a client pays upstream calls only for the splits it selects.
 */
@Description("A filtered set of calls split by direction, status and hangup cause. Each split is computed from "
        + "exact upstream summaries of the whole set (never from a sample of calls) and costs its own upstream calls: "
        + "byDirection 2, byStatus 5, byHangupCause 17 (cached like summaries: days before today long, others briefly). "
        + "Status and hangup-cause splits are read from the partner API, whose documented filters include status and "
        + "hangup_cause; there the callerNumber, calleeNumber and maxDurationSeconds criteria are pass-through and not "
        + "guaranteed.")
public final class CallBreakdown {

    private final String customerId;
    final CallCriteria filter;

    CallBreakdown(String customerId, CallCriteria filter) {
        this.customerId = customerId;
        this.filter = filter;
    }

    @Id
    @Description("The customer whose calls are split; null for the whole partner.")
    public String getCustomerId() {
        return customerId;
    }
}
