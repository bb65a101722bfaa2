package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The {@code summary} object: totals over the whole filtered set, not the page. The vendor really mixes
 * camelCase and snake_case here. Numbers are decimals because the partner OpenAPI types them as integers
 * while every example is fractional (docs/vobiz-contract.md#v15-summary-gaps-and-types).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizSummary(
        @JsonProperty("totalCalls") Long totalCalls,
        @JsonProperty("answeredCalls") Long answeredCalls,
        @JsonProperty("answerRate") BigDecimal answerRate,
        @JsonProperty("avgCallDuration") String avgCallDuration,
        @JsonProperty("total_duration_seconds") Long totalDurationSeconds,
        @JsonProperty("total_billable_seconds") Long totalBillableSeconds,
        @JsonProperty("total_cost") BigDecimal totalCost,
        @JsonProperty("last_call_at") String lastCallAt) {
}
