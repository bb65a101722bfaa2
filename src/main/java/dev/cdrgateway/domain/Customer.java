package dev.cdrgateway.domain;

import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/**
 * A partner's customer account. Deliberately has no credential field: the customer's Vobiz token stays in
 * the upstream layer.
 */
@Description("A customer account of the partner (a Vobiz main account).")
public record Customer(
        @NonNull @Id @Description("The customer's Vobiz auth id (MA_...), used as its id everywhere.") String id,
        @Description("Vobiz numeric account number.") String accountNumber,
        @Description("Display name.") String name,
        @Description("Contact e-mail.") String email,
        @Description("Contact phone (E.164).") String phone,
        @Description("Company name.") String company,
        @Description("ISO 3166 alpha-2 country code; decides the account currency.") String country,
        @Description("IANA time zone of the account, e.g. Asia/Kolkata.") String timezone,
        @Description("Account type, e.g. standard.") String accountType,
        @Description("Billing mode, e.g. prepaid.") String billingMode,
        @Description("Name of the pricing tier.") String pricingTier,
        @Description("Prepaid balance (cash credits).") Money balance,
        @NonNull @Description("Whether the account is active.") boolean active,
        @NonNull @Description("Whether the account is verified.") boolean verified,
        @NonNull @Description("Whether the account is a trial account.") boolean trial,
        @Description("KYC status, e.g. pending or verified.") String kycStatus,
        @Description("Maximum concurrent calls.") Integer concurrentCallsLimit,
        @Description("Maximum calls per second.") Integer callsPerSecondLimit,
        @Description("When the account was created.") OffsetDateTime createdAt,
        @Description("Last login to the Vobiz console, if any.") OffsetDateTime lastLoginAt) {
}
