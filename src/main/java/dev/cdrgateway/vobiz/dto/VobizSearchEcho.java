package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The filter echo of {@code /cdr/search}; unset keys come back as empty strings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizSearchEcho(
        @JsonProperty("call_direction") String callDirection,
        @JsonProperty("from_number") String fromNumber,
        @JsonProperty("hangup_cause") String hangupCause,
        @JsonProperty("to_number") String toNumber) {
}
