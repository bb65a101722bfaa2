package dev.cdrgateway.customers;

import dev.cdrgateway.paging.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A Relay connection over the partner's customers. */
@Description("A page of the partner's customers, Relay style.")
public record CustomerConnection(
        @NonNull @Description("The customers of this page with their cursors.") List<@NonNull CustomerEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of customers matching the search.") int totalCount) {
}
