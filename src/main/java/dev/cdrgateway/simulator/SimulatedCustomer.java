package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A generated partner customer: the data behind the Vobiz {@code Account} object (newer shape,
 * docs/vobiz-contract.md#customer-record) plus the numbers it calls from, which the call generator needs.
 *
 * @param authToken {@code null} for customers whose token the simulated partner record withholds, which
 *                  forces the gateway onto the partner CDR endpoints for them
 * @param numbers   the customer's own DIDs: caller number of outbound calls, destination of inbound ones
 */
record SimulatedCustomer(
        int number,
        String authId,
        String authToken,
        String id,
        String apiId,
        String name,
        String email,
        String phone,
        String company,
        String gstin,
        String businessType,
        String address,
        String city,
        String state,
        String timezone,
        String country,
        String zipCode,
        BigDecimal cashCredits,
        int cpsLimit,
        int concurrentCallsLimit,
        boolean active,
        boolean verified,
        boolean trialAccount,
        String kycStatus,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLogin,
        PricingTier pricingTier,
        String partnerId,
        List<String> numbers) {

    String currency() {
        return pricingTier.currency();
    }

    /**
     * The customer's price list; the generator prices calls with it so that costs and the tier shown on
     * the account agree.
     */
    record PricingTier(
            String id,
            String name,
            String currency,
            BigDecimal ratePerMinute,
            BigDecimal streamingRatePerMinute,
            BigDecimal recordingRatePerMinute,
            BigDecimal whatsappVoiceRate,
            BigDecimal transcriptionRatePerMinute,
            BigDecimal piiRedactionRatePerMinute,
            BigDecimal nonConnectedCallFee,
            int didReleaseFee) {
    }
}
