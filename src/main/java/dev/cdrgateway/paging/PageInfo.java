package dev.cdrgateway.paging;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay connection page information. */
@Description("Relay page information: whether more rows exist before/after this page, and its boundary cursors.")
public record PageInfo(
        @NonNull @Description("Rows exist after this page (pass endCursor as `after` with `first`).") boolean hasNextPage,
        @NonNull @Description("Rows exist before this page (pass startCursor as `before` with `last`).")
        boolean hasPreviousPage,
        @Description("Cursor of the first edge; null when the page is empty.") String startCursor,
        @Description("Cursor of the last edge; null when the page is empty.") String endCursor) {
}
