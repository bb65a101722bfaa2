package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** The part of a customer's pricing tier the gateway uses: its name, currency and per-minute rate. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizPricingTier(
        @JsonProperty("name") String name,
        @JsonProperty("currency") String currency,
        @JsonProperty("rate_per_minute") BigDecimal ratePerMinute) {
}
