package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Envelope of every paged CDR list: account list and search, partner per-customer and global logs, and the
 * recent endpoint (which only fills {@code account_id}, {@code count}, {@code data} and {@code success}).
 * Search echoes its filters as {@code filters}; part of the vendor's docs call it {@code filter_summary}, so
 * both are read. {@code meta} is the legacy partner shape, kept so it can be detected and still paged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizCdrPage(
        @JsonProperty("success") Boolean success,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("account_auth_id") String accountAuthId,
        @JsonProperty("count") Integer count,
        @JsonProperty("data") List<VobizCdr> data,
        @JsonProperty("pagination") VobizPagination pagination,
        @JsonProperty("summary") VobizSummary summary,
        @JsonProperty("filters") VobizSearchEcho filters,
        @JsonProperty("filter_summary") VobizSearchEcho filterSummary,
        @JsonProperty("meta") VobizLegacyMeta meta) {

    /** The search echo under whichever key this upstream version used. */
    public VobizSearchEcho searchEcho() {
        return filters != null ? filters : filterSummary;
    }
}
