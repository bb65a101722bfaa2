package dev.cdrgateway.simulator;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A generated customer together with the traits that shape its call history. The traits are not part
 * of any Vobiz response; they exist so customers differ the way real ones do (volume, direction mix,
 * answer rate, product, lifetime).
 *
 * @param volume         relative call volume before normalisation across customers (mean about 1)
 * @param outboundShare  probability a call is outbound
 * @param answerShare    probability a call is answered
 * @param trunkShare     probability a call is SIP trunking rather than Voice API
 * @param poorQualityShare probability an answered call has poor media quality
 * @param firstCallDay   first UTC day with calls (the later of history start and sign-up)
 * @param lastCallDay    last UTC day with calls (earlier than the anchor for deactivated customers)
 * @param zone           local time zone driving the business-hours call pattern
 * @param slug           DNS-style label of the customer's fake domain ({@code slug.demo.example})
 * @param pbxUserAgent   SIP user agent of the customer's PBX on trunking calls
 * @param pbxAddress     public address of the customer's PBX (documentation range 203.0.113.0/24)
 */
record CustomerProfile(
        SimulatedCustomer customer,
        Market market,
        Market.City city,
        double volume,
        double outboundShare,
        double answerShare,
        double trunkShare,
        double poorQualityShare,
        LocalDate firstCallDay,
        LocalDate lastCallDay,
        ZoneId zone,
        String slug,
        String pbxUserAgent,
        String pbxAddress) {
}
