package dev.cdrgateway.voiso.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The type-specific {@code data} of a {@link VoisoCdr}, one record per record type. Durations are seconds with
 * decimals and are not additive (Voiso's own example has {@code overall} below the sum of its parts): the gateway
 * never recomputes {@code overall}.
 */
public sealed interface VoisoData {

    /** {@code type: call}: queue, campaign, durations, the end reason, wrap-up code and the AI summary and scores. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Call(@JsonProperty("queue") NamedRef queue, @JsonProperty("campaign") NamedRef campaign,
                @JsonProperty("destination_country") String destinationCountry,
                @JsonProperty("durations") Durations durations,
                @JsonProperty("end_reason") String endReason,
                @JsonProperty("wrapup_code") WrapupCode wrapupCode,
                @JsonProperty("summary") String summary,
                @JsonProperty("conversation_score") BigDecimal conversationScore,
                @JsonProperty("mos") BigDecimal mos,
                @JsonProperty("mos_tc") BigDecimal mosTc) implements VoisoData {
    }

    /** {@code type: conversation}: a messaging conversation with its flow, queue and service levels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conversation(@JsonProperty("channel") String channel, @JsonProperty("flow") NamedRef flow,
                        @JsonProperty("queue") NamedRef queue,
                        @JsonProperty("wrapup_code") WrapupCode wrapupCode,
                        @JsonProperty("durations") Durations durations,
                        @JsonProperty("service_level_agreements") ServiceLevels serviceLevelAgreements)
            implements VoisoData {
    }

    /** {@code type: hlr_lookup}: whether a number was reachable, and the call it was looked up for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HlrLookup(@JsonProperty("reachable") Boolean reachable, @JsonProperty("roaming") Boolean roaming,
                     @JsonProperty("related_call") RelatedCall relatedCall) implements VoisoData {
    }

    /** {@code type: sms}: one message, its segments and template. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sms(@JsonProperty("sent") Boolean sent, @JsonProperty("segments_count") Integer segmentsCount,
               @JsonProperty("message") String message,
               @JsonProperty("canned_message") NamedRef cannedMessage,
               @JsonProperty("related_call") RelatedCall relatedCall) implements VoisoData {
    }

    /** The data of a record type this model does not know; the record itself is kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other() implements VoisoData {
    }

    /** A related object (queue, campaign, flow, canned message); ids are integers or UUIDs, kept as text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NamedRef(@JsonProperty("id") String id, @JsonProperty("name") String name,
                    @JsonProperty("name_snapshot") String nameSnapshot,
                    @JsonProperty("deleted") Boolean deleted) {
    }

    /** Seconds spent in each phase; a channel reports only some of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Durations(@JsonProperty("overall") BigDecimal overall, @JsonProperty("dialing") BigDecimal dialing,
                     @JsonProperty("ivr") BigDecimal ivr, @JsonProperty("queue") BigDecimal queue,
                     @JsonProperty("talk") BigDecimal talk, @JsonProperty("hold") BigDecimal hold) {
    }

    /** The wrap-up code the agent chose, as it was named then. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WrapupCode(@JsonProperty("code_snapshot") String codeSnapshot) {
    }

    /** A conversation's service levels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceLevels(@JsonProperty("first_response") ServiceLevel firstResponse,
                         @JsonProperty("resolution") ServiceLevel resolution,
                         @JsonProperty("avg_reply") ServiceLevel avgReply) {
    }

    /** One service level: its value and Voiso's verdict (e.g. {@code ok}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceLevel(@JsonProperty("value") BigDecimal value, @JsonProperty("status") String status) {
    }

    /** The call an SMS or a lookup belongs to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RelatedCall(@JsonProperty("id") String id) {
    }
}
