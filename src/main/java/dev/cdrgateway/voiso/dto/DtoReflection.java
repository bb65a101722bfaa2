package dev.cdrgateway.voiso.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers every Voiso wire DTO for the native image: Jackson builds the nested and polymorphic records
 * reflectively, and Quarkus registers only REST client return types by itself.
 */
@RegisterForReflection(targets = {
        VoisoCdrPage.class, VoisoCdrPage.VoisoMetadata.class, VoisoCdr.class, VoisoCdr.VoisoUser.class,
        VoisoParty.class, VoisoParty.PhoneNumber.class, VoisoParty.ChannelAccount.class,
        VoisoParty.ChannelAccount.Account.class, VoisoParty.ChannelAccount.Profile.class, VoisoParty.Other.class,
        VoisoData.class, VoisoData.Call.class, VoisoData.Conversation.class, VoisoData.HlrLookup.class,
        VoisoData.Sms.class, VoisoData.Other.class, VoisoData.NamedRef.class, VoisoData.Durations.class,
        VoisoData.WrapupCode.class, VoisoData.ServiceLevels.class, VoisoData.ServiceLevel.class,
        VoisoData.RelatedCall.class, VoisoError.class})
final class DtoReflection {

    private DtoReflection() {
    }
}
