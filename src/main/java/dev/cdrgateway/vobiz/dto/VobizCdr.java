package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * One CDR row exactly as Vobiz sends it (the 43-field object shared by every account and partner CDR
 * endpoint). Every field is nullable here although the vendor documents some as non-null: the CDR overview page
 * and the search OpenAPI disagree (docs/vobiz-contract.md#v13-nullable-cdr-fields), so the mapper decides what a missing value means.
 * Timestamps stay strings because Vobiz mixes {@code Z}, {@code +00:00} and fractional seconds; the mapper
 * parses them leniently. The {@code @JsonAlias}es accept the legacy partner row ({@code call_uuid},
 * {@code from_number}, ...) that older docs and the SDK's {@code PartnerCdr} still show (docs/vobiz-contract.md#v8-legacy-partner-cdr-rows).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizCdr(
        @JsonProperty("id") Long id,
        @JsonProperty("uuid") @JsonAlias("call_uuid") String uuid,
        @JsonProperty("account_id") @JsonAlias("account_auth_id") String accountId,
        @JsonProperty("call_direction") @JsonAlias("direction") String callDirection,
        @JsonProperty("caller_id_name") String callerIdName,
        @JsonProperty("caller_id_number") @JsonAlias({"from_number", "caller_id"}) String callerIdNumber,
        @JsonProperty("destination_number") @JsonAlias("to_number") String destinationNumber,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("billsec") @JsonAlias("duration_seconds") Integer billsec,
        @JsonProperty("ring_time") @JsonAlias("ring_duration_seconds") Integer ringTime,
        @JsonProperty("answer_time") String answerTime,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime,
        @JsonProperty("progress_time") String progressTime,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("cost") BigDecimal cost,
        @JsonProperty("total_cost") BigDecimal totalCost,
        @JsonProperty("streaming_cost") BigDecimal streamingCost,
        @JsonProperty("currency") String currency,
        @JsonProperty("hangup_cause") String hangupCause,
        @JsonProperty("hangup_cause_code") Integer hangupCauseCode,
        @JsonProperty("hangup_cause_name") String hangupCauseName,
        @JsonProperty("hangup_disposition") String hangupDisposition,
        @JsonProperty("hangup_source") @JsonAlias("hangup_initiator") String hangupSource,
        @JsonProperty("failure_code") @JsonAlias("sip_response_code") String failureCode,
        @JsonProperty("failure_reason") String failureReason,
        @JsonProperty("bridge_uuid") String bridgeUuid,
        @JsonProperty("sip_call_id") String sipCallId,
        @JsonProperty("sip_user_agent") String sipUserAgent,
        @JsonProperty("codec") String codec,
        @JsonProperty("mos") BigDecimal mos,
        @JsonProperty("jitter") BigDecimal jitter,
        @JsonProperty("packet_loss") BigDecimal packetLoss,
        @JsonProperty("network_addr") String networkAddr,
        @JsonProperty("carrier_ip") String carrierIp,
        @JsonProperty("context") String context,
        @JsonProperty("region") String region,
        @JsonProperty("origination_region") String originationRegion,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("customer_endpoint") String customerEndpoint,
        @JsonProperty("trunk_id") String trunkId,
        @JsonProperty("terminated_to") String terminatedTo,
        @JsonProperty("status") String legacyStatus) {
}
