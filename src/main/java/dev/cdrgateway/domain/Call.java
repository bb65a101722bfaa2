package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** One call detail record, mapped from any Vobiz CDR endpoint by {@code VobizMapper}. */
@Description("One call detail record (CDR).")
public record Call(
        @NonNull @Id @Description("The call's UUID: the key for single-call lookups.") String uuid,
        @Description("Vobiz internal numeric id (not accepted by lookups).") String recordId,
        @NonNull @Description("Auth id of the customer account that owns the call (MA_...).") String customerId,
        @Description("Which way the call went; null if upstream sent an unknown value.") CallDirection direction,
        @NonNull @Description("Outcome: answered, failed, busy or no-answer.") CallStatus status,
        @Description("Caller display name; may be empty or a number.") String callerName,
        @Description("Originating number (E.164).") String callerNumber,
        @Description("Destination number (E.164) or identifier.") String calleeNumber,
        @NonNull @Description("Start, answer and end times and durations.") CallTiming timing,
        @NonNull @Description("Billable seconds and costs.") CallBilling billing,
        @NonNull @Description("Hangup cause and attribution.") Hangup hangup,
        @NonNull @Description("Media quality (MOS, jitter, packet loss, codec) with derived flags.") CallQuality quality,
        @NonNull @Description("SIP and network identifiers.") SipDetails sip,
        @Description("Product context, e.g. voice-api or sip-trunking.") String context,
        @Description("Vobiz region that handled the call, e.g. ap-south-1.") String region,
        @Description("Region where the call originated, e.g. mumbai.") String originationRegion,
        @Description("Campaign id, if the call belonged to one.") String campaignId,
        @Description("SIP trunk id, if the call used one.") String trunkId,
        @Description("When Vobiz created the record.") OffsetDateTime recordCreatedAt,
        @Description("When Vobiz last updated the record.") OffsetDateTime recordUpdatedAt) {
}
