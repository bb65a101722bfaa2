package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A partner's customer account, newer shape with the legacy fields ({@code balance} number, {@code status})
 * tolerated too. {@code auth_token} is the customer's own API secret: it is read so the gateway may call the
 * account API for that customer, never copied into a domain type, never logged ({@link #toString()} hides it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizAccount(
        @JsonProperty("auth_id") String authId,
        @JsonProperty("auth_token") String authToken,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("company") String company,
        @JsonProperty("country") String country,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("billing_mode") String billingMode,
        @JsonProperty("cash_credits") BigDecimal cashCredits,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("currency") String currency,
        @JsonProperty("is_active") Boolean active,
        @JsonProperty("is_verified") Boolean verified,
        @JsonProperty("is_trial_account") Boolean trial,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("status") String status,
        @JsonProperty("kyc_status") String kycStatus,
        @JsonProperty("concurrent_calls_limit") Integer concurrentCallsLimit,
        @JsonProperty("cps_limit") Integer cpsLimit,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("last_login") String lastLogin,
        @JsonProperty("pricing_tier") VobizPricingTier pricingTier) {

    @Override
    public String toString() {
        return "VobizAccount[authId=" + authId + ", authToken=" + (authToken == null ? "absent" : "***") + "]";
    }
}
