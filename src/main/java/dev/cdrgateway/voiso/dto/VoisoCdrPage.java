package dev.cdrgateway.voiso.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of {@code GET /api/v4/reporting/cdrs} exactly as Voiso sends it: the records and the {@code metadata}
 * with the total of the filtered set and the opaque cursor of the next page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoisoCdrPage(@JsonProperty("cdrs") List<VoisoCdr> cdrs,
                           @JsonProperty("metadata") VoisoMetadata metadata) {

    /** Paging facts of a page. {@code nextCursor} is passed back byte for byte, never decoded or built. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VoisoMetadata(@JsonProperty("total") Long total, @JsonProperty("next_cursor") String nextCursor) {
    }
}
