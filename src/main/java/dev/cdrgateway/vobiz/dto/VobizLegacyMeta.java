package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code meta} paging object of the legacy (older docs) list shapes for customers and partner CDRs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizLegacyMeta(
        @JsonProperty("total") Long total,
        @JsonProperty("page") Integer page,
        @JsonProperty("size") @JsonAlias("per_page") Integer size,
        @JsonProperty("total_pages") Integer totalPages) {
}
