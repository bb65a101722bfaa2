package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code pagination} object of CDR list envelopes (1-based pages, at most 100 rows each). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizPagination(
        @JsonProperty("page") Integer page,
        @JsonProperty("per_page") Integer perPage,
        @JsonProperty("total") Long total,
        @JsonProperty("pages") Integer pages,
        @JsonProperty("has_next") Boolean hasNext,
        @JsonProperty("has_prev") Boolean hasPrev) {
}
