package dev.cdrgateway.calls;

import dev.cdrgateway.domain.Call;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A call and its cursor. */
@Description("A call in a connection, with the cursor that points at it.")
public record CallEdge(
        @NonNull @Description("Opaque cursor of this call; pass it as `after` or `before`.") String cursor,
        @NonNull @Description("The call.") Call node) {
}
