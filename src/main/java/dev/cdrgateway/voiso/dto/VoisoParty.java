package dev.cdrgateway.voiso.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record's {@code from} or {@code to}: a phone number (digits, without {@code +}) or a messaging channel
 * account, told apart by its {@code type}; another kind is kept as {@link Other}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = VoisoParty.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = VoisoParty.PhoneNumber.class, name = "phone_number"),
        @JsonSubTypes.Type(value = VoisoParty.ChannelAccount.class, name = "channel_account")})
public sealed interface VoisoParty {

    /** A phone number as Voiso writes it: digits, no {@code +}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhoneNumber(@JsonProperty("phone_number") String phoneNumber) implements VoisoParty {
    }

    /** An account on a messaging channel (WhatsApp, ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChannelAccount(@JsonProperty("channel_account") Account channelAccount) implements VoisoParty {

        /** The channel account; {@code identifier} is the channel's own id (for WhatsApp a phone number). */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Account(@JsonProperty("id") String id, @JsonProperty("channel") String channel,
                              @JsonProperty("identifier") String identifier,
                              @JsonProperty("data") Profile data,
                              @JsonProperty("name_snapshot") String nameSnapshot,
                              @JsonProperty("deleted") Boolean deleted) {
        }

        /** The display name and user name the channel reports. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Profile(@JsonProperty("name") String name, @JsonProperty("username") String username) {
        }
    }

    /** A party of a kind this model does not know, with its {@code type} kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other(@JsonProperty("type") String type) implements VoisoParty {
    }
}
