package dev.cdrgateway.voiso.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.util.List;

/**
 * One Voiso CDR record (a call, a conversation, an SMS or an HLR lookup) as the reporting API sends it. The fields
 * every type shares are here; {@link #data()} is typed by the record's {@code type}, and a type this model does
 * not know yet is kept as {@link VoisoData.Other}, never a parsing failure. Voiso says only that "some fields are
 * nullable depending on the channel", so everything but {@code id}, {@code type} and {@code data} may be null.
 * Timestamps stay strings (ISO 8601 with milliseconds); the mapper parses them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoisoCdr(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("subtype") String subtype,
        @JsonProperty("disposition") String disposition,
        @JsonProperty("from") VoisoParty from,
        @JsonProperty("to") VoisoParty to,
        @JsonProperty("user") VoisoUser user,
        @JsonProperty("cost") BigDecimal cost,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type",
                visible = true, defaultImpl = VoisoData.Other.class)
        @JsonSubTypes({
                @JsonSubTypes.Type(value = VoisoData.Call.class, name = "call"),
                @JsonSubTypes.Type(value = VoisoData.Conversation.class, name = "conversation"),
                @JsonSubTypes.Type(value = VoisoData.HlrLookup.class, name = "hlr_lookup"),
                @JsonSubTypes.Type(value = VoisoData.Sms.class, name = "sms")})
        @JsonProperty("data") VoisoData data) {

    /** The agent a record belongs to; {@code nameSnapshot} is the name when the record was made. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VoisoUser(@JsonProperty("id") String id, @JsonProperty("name") String name,
                            @JsonProperty("email") String email,
                            @JsonProperty("name_snapshot") String nameSnapshot,
                            @JsonProperty("deleted") Boolean deleted) {
    }
}
