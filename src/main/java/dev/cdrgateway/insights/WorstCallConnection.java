package dev.cdrgateway.insights;

import dev.cdrgateway.calls.CallEdge;
import dev.cdrgateway.paging.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The scanned calls with quality data, worst first. */
@Description("Calls with quality data among the calls a quality report scanned, worst first: MOS ascending, ties "
        + "newest first, then by uuid. Only the scanned calls are ranked (see CallQualityReport.complete).")
public record WorstCallConnection(
        @NonNull @Description("The calls of this page with their cursors.") List<@NonNull CallEdge> edges,
        @NonNull @Description("Paging information (forward paging only).") PageInfo pageInfo,
        @NonNull @Description("Number of scanned calls with quality data (all of them are ranked).") int totalCount) {
}
