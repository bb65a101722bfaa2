package dev.cdrgateway.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filtered set split by direction. */
@Description("The filtered set split by direction: one exact upstream summary per direction (2 calls).")
public record CallsByDirection(
        @NonNull @Description("Calls in the whole filtered set (the denominator of every share).") int totalCalls,
        @NonNull @Description("True when the rows add up to totalCalls; false means the upstream did not apply the "
                + "direction filter as documented, so the rows are not reliable.") boolean consistent,
        @NonNull @Description("INBOUND then OUTBOUND, zero rows included.") List<@NonNull DirectionShare> rows) {
}
