package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** SIP and network identifiers of a call, for troubleshooting with a carrier. */
@Description("SIP and network identifiers of a call, for troubleshooting with a carrier.")
public record SipDetails(
        @Description("SIP Call-ID header.") String callId,
        @Description("SIP User-Agent of the customer's endpoint.") String userAgent,
        @Description("UUID of the bridged leg, if any.") String bridgeUuid,
        @Description("Network address of the customer's endpoint.") String networkAddress,
        @Description("IP address of the carrier.") String carrierIp,
        @Description("Customer SIP endpoint, if any.") String customerEndpoint,
        @Description("Where the call was terminated, if reported.") String terminatedTo) {
}
