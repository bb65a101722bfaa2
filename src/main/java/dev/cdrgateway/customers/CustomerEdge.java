package dev.cdrgateway.customers;

import dev.cdrgateway.domain.Customer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A customer and its cursor. */
@Description("A customer in a connection, with the cursor that points at it.")
public record CustomerEdge(
        @NonNull @Description("Opaque cursor of this customer; pass it as `after` or `before`.") String cursor,
        @NonNull @Description("The customer.") Customer node) {
}
