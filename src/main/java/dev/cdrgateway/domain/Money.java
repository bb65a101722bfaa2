package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/** An amount of money. Never a floating point number: amounts are decimals as Vobiz bills them. */
@Description("An amount of money in a currency.")
public record Money(
        @NonNull @Description("The amount, as an exact decimal.") BigDecimal amount,
        @Description("ISO 4217 currency code, e.g. INR; null when upstream did not say or the amount mixes "
                + "currencies.") String currency) {

    /** Money in the given currency, or {@code null} when there is no amount. */
    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
