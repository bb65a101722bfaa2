package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import dev.cdrgateway.simulator.SimulatedCustomer.PricingTier;

/**
 * Generates one customer's call history. The mix follows what a Vobiz dashboard typically shows: about
 * 60% answered, business-hours traffic in the customer's time zone, quieter weekends, a few repeat
 * contacts, log-normal talk times, occasional poor media quality. Costs follow the fixture billing
 * rule: rate per started minute of {@code billsec}, a flat fee for unanswered outbound calls,
 * occasional streaming charges.
 */
final class CallGenerator {

    /** Relative call volume per local hour of day, 00:00 to 23:00. */
    private static final double[] HOURLY_WEIGHTS = {
        0, 0, 0, 0, 0, 0, 0.2, 0.5, 1.5, 3.0, 4.0, 4.0, 3.5, 3.0, 3.5, 4.0, 3.5, 3.0, 2.0, 1.2, 0.8, 0.5, 0.3, 0.1
    };
    private static final double WEEKDAY_FACTOR = 1.18;
    private static final double WEEKEND_FACTOR = 0.55;
    private static final BigDecimal NO_CHARGE = new BigDecimal("0.00");
    private static final BigDecimal NO_MEDIA = BigDecimal.ZERO;
    private static final List<String> CODECS = List.of("PCMU", "PCMA", "PCMA", "opus");
    private static final List<String> CONTACT_NAMES = List.of("Front Desk", "Accounts", "Dispatch", "Reception",
            "Support Line", "Warehouse");

    private final CustomerProfile profile;
    private final SimulatedCustomer customer;
    private final SplittableRandom rng;
    private final List<String> contacts = new ArrayList<>();
    private final List<String> campaigns = new ArrayList<>();
    private final List<String> trunks;
    private final List<String> agents = new ArrayList<>();
    private final double[] hourCumulative = new double[HOURLY_WEIGHTS.length];

    private CallGenerator(CustomerProfile profile, long seed) {
        this.profile = profile;
        this.customer = profile.customer();
        this.rng = new SplittableRandom((seed ^ 0x5DEECE66DL) * 0x9E3779B97F4A7C15L + customer.number());
        for (int i = 0, count = RandomDraws.between(rng, 30, 80); i < count; i++) {
            contacts.add(rng.nextInt(100) < 70
                    ? profile.market().mobileNumber(rng)
                    : profile.market().landline(RandomDraws.pick(profile.market().cities(), rng), rng));
        }
        String customerSuffix = customer.authId().substring("MA_SIM".length());
        for (int i = 1, count = RandomDraws.between(rng, 1, 3); i <= count; i++) {
            campaigns.add("sim-campaign-" + customerSuffix + "-0" + i);
        }
        trunks = List.of("sim-trunk-" + customerSuffix + "-01", "sim-trunk-" + customerSuffix + "-02");
        for (int i = 1; i <= 12; i++) {
            agents.add("sip:agent" + (i < 10 ? "0" : "") + i + "@pbx." + profile.slug() + ".demo.example");
        }
        double sum = 0;
        for (int hour = 0; hour < HOURLY_WEIGHTS.length; hour++) {
            sum += HOURLY_WEIGHTS[hour];
            hourCumulative[hour] = sum;
        }
    }

    /**
     * Calls of one customer, oldest first, without ids (the dataset numbers calls globally).
     *
     * @param callsPerDay mean calls per active weekday-weighted day for this customer
     */
    static List<SimulatedCall> generate(CustomerProfile profile, double callsPerDay, long seed) {
        return new CallGenerator(profile, seed).calls(callsPerDay);
    }

    private List<SimulatedCall> calls(double callsPerDay) {
        List<SimulatedCall> calls = new ArrayList<>();
        for (LocalDate day = profile.firstCallDay(); !day.isAfter(profile.lastCallDay()); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            int count = RandomDraws.poisson(rng, callsPerDay * (weekend ? WEEKEND_FACTOR : WEEKDAY_FACTOR));
            long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            int offset = profile.zone().getRules().getOffset(day.atTime(12, 0).toInstant(ZoneOffset.UTC))
                    .getTotalSeconds();
            long[] starts = new long[count];
            for (int i = 0; i < count; i++) {
                starts[i] = dayStart + Math.floorMod(localSecondOfDay() - offset, 86_400);
            }
            Arrays.sort(starts);
            for (long start : starts) {
                calls.add(call(start));
            }
        }
        return calls;
    }

    private int localSecondOfDay() {
        double target = rng.nextDouble() * hourCumulative[hourCumulative.length - 1];
        int hour = 0;
        while (hourCumulative[hour] <= target) {
            hour++;
        }
        return hour * 3600 + rng.nextInt(3600);
    }

    private SimulatedCall call(long start) {
        boolean inbound = rng.nextDouble() >= profile.outboundShare();
        boolean trunking = rng.nextDouble() < profile.trunkShare();
        SimulatedHangup hangup = hangup(inbound, trunking);
        int ringTime = ringTime(hangup);
        int billsec = hangup.connects() ? billsec(hangup) : 0;
        String did = RandomDraws.pick(customer.numbers(), rng);
        double skew = rng.nextDouble();
        String contact = contacts.get((int) (contacts.size() * skew * skew));
        String uuid = RandomDraws.uuid(rng);
        String carrierIp = "10.20.0." + RandomDraws.between(rng, 5, 8);

        Quality quality = quality(hangup);
        PricingTier tier = customer.pricingTier();
        int startedMinutes = (billsec + 59) / 60;
        BigDecimal cost = hangup.connects()
                ? money(tier.ratePerMinute(), startedMinutes)
                : inbound ? NO_CHARGE : tier.nonConnectedCallFee().setScale(2, RoundingMode.HALF_UP);
        BigDecimal streamingCost = hangup.connects() && !trunking && rng.nextInt(100) < 15
                ? money(tier.streamingRatePerMinute(), startedMinutes)
                : NO_CHARGE;

        return new SimulatedCall(
                0,
                uuid,
                customer.authId(),
                inbound,
                inbound ? inboundCallerName(contact) : customer.company(),
                inbound ? contact : did,
                inbound ? did : contact,
                ringTime,
                billsec,
                start,
                hangup.progresses(),
                cost,
                streamingCost,
                customer.currency(),
                hangup,
                hangup.connects() ? RandomDraws.uuid(rng) : null,
                trunking
                        ? HexFormat.of().toHexDigits(rng.nextLong()) + "@"
                                + (inbound ? carrierIp : profile.pbxAddress())
                        : RandomDraws.uuid(rng),
                trunking ? profile.pbxUserAgent() : "Vobiz",
                hangup.connects() ? RandomDraws.pick(CODECS, rng) : null,
                quality.mos(),
                quality.jitter(),
                quality.packetLoss(),
                "10.10.0." + (11 + customer.number() % 4),
                carrierIp,
                trunking ? "sip-trunking" : "voice-api",
                profile.market().region(),
                rng.nextInt(100) < 85
                        ? profile.city().originationRegion()
                        : RandomDraws.pick(profile.market().cities(), rng).originationRegion(),
                !inbound && !trunking && rng.nextInt(100) < 45 ? RandomDraws.pick(campaigns, rng) : null,
                trunking ? profile.pbxAddress() + ":5060" : null,
                trunking ? RandomDraws.pick(trunks, rng) : null,
                inbound && trunking && hangup.connects() ? RandomDraws.pick(agents, rng) : null);
    }

    private SimulatedHangup hangup(boolean inbound, boolean trunking) {
        if (rng.nextDouble() < profile.answerShare()) {
            int roll = rng.nextInt(1000);
            if (roll < 25) {
                return SimulatedHangup.MEDIA_TIMEOUT;
            }
            if (!inbound && !trunking && roll < 275) {
                return SimulatedHangup.APPLICATION_END;
            }
            return rng.nextBoolean() ? SimulatedHangup.CALLER_HANGUP : SimulatedHangup.CALLEE_HANGUP;
        }
        int roll = rng.nextInt(100);
        if (inbound) {
            return roll < 42 ? SimulatedHangup.NO_ANSWER
                    : roll < 80 ? SimulatedHangup.ORIGINATOR_CANCEL
                    : roll < 92 ? SimulatedHangup.USER_BUSY
                    : SimulatedHangup.NORMAL_TEMPORARY_FAILURE;
        }
        return roll < 22 ? SimulatedHangup.USER_BUSY
                : roll < 50 ? SimulatedHangup.NO_ANSWER
                : roll < 58 ? SimulatedHangup.ORIGINATOR_CANCEL
                : roll < 66 ? SimulatedHangup.CALL_REJECTED
                : roll < 74 ? SimulatedHangup.SERVICE_UNAVAILABLE
                : roll < 82 ? SimulatedHangup.NORMAL_TEMPORARY_FAILURE
                : roll < 92 ? SimulatedHangup.UNALLOCATED_NUMBER
                : roll < 96 ? SimulatedHangup.INVALID_NUMBER
                : SimulatedHangup.DESTINATION_OUT_OF_ORDER;
    }

    private int ringTime(SimulatedHangup hangup) {
        return switch (hangup) {
            case NO_ANSWER -> rng.nextInt(100) < 60 ? 30 : RandomDraws.between(rng, 25, 40);
            case ORIGINATOR_CANCEL -> RandomDraws.between(rng, 2, 28);
            case USER_BUSY -> RandomDraws.between(rng, 2, 5);
            case CALL_REJECTED, SERVICE_UNAVAILABLE, NORMAL_TEMPORARY_FAILURE -> RandomDraws.between(rng, 1, 6);
            case UNALLOCATED_NUMBER, INVALID_NUMBER, DESTINATION_OUT_OF_ORDER -> RandomDraws.between(rng, 1, 3);
            default -> Math.min(25, 2 + (int) Math.abs(rng.nextGaussian() * 7));
        };
    }

    /** Talk time: log-normal around a minute, a long tail up to 30 minutes; media timeouts end early. */
    private int billsec(SimulatedHangup hangup) {
        if (hangup == SimulatedHangup.MEDIA_TIMEOUT) {
            return RandomDraws.between(rng, 10, 120);
        }
        if (rng.nextInt(100) < 3) {
            return RandomDraws.between(rng, 600, 1800);
        }
        return (int) Math.max(1, Math.min(1800, Math.round(Math.exp(4.1 + 1.05 * rng.nextGaussian()))));
    }

    /** Zeros for calls without media (as Vobiz reports them), nulls for calls that never rang. */
    private Quality quality(SimulatedHangup hangup) {
        if (!hangup.progresses()) {
            return new Quality(null, null, null);
        }
        if (!hangup.connects()) {
            return new Quality(NO_MEDIA, NO_MEDIA, NO_MEDIA);
        }
        if (hangup == SimulatedHangup.MEDIA_TIMEOUT) {
            return Quality.tenths(between(12, 22), between(550, 1200), between(80, 250));
        }
        if (rng.nextDouble() < profile.poorQualityShare()) {
            return Quality.tenths(between(20, 34), between(305, 950), between(12, 95));
        }
        return Quality.tenths(between(38, 45), between(4, 120), between(0, 6));
    }

    private int between(int min, int max) {
        return RandomDraws.between(rng, min, max);
    }

    private String inboundCallerName(String number) {
        int roll = rng.nextInt(100);
        return roll < 70 ? number : roll < 90 ? RandomDraws.pick(CONTACT_NAMES, rng) : "";
    }

    private static BigDecimal money(BigDecimal rate, int minutes) {
        return rate.multiply(BigDecimal.valueOf(minutes)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Media statistics of one call: MOS (1-5), jitter in ms, packet loss in %. */
    private record Quality(BigDecimal mos, BigDecimal jitter, BigDecimal packetLoss) {

        static Quality tenths(int mos, int jitter, int packetLoss) {
            return new Quality(BigDecimal.valueOf(mos, 1), BigDecimal.valueOf(jitter, 1),
                    BigDecimal.valueOf(packetLoss, 1));
        }
    }
}
