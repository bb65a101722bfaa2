package dev.cdrgateway.voiso.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * A Voiso error body: {@code {"error": "Unauthorized"}} for most statuses, or per-parameter messages
 * {@code {"errors": {"started_at": ["must be an ISO 8601 date-time"]}}} for 422 (and 406/409).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoisoError(@JsonProperty("error") String error,
                         @JsonProperty("errors") Map<String, List<String>> errors) {
}
