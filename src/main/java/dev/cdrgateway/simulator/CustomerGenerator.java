package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the simulated partner's customers. Each customer draws from its own random stream (seed and
 * customer number), so one customer's data does not depend on how many others are generated.
 *
 * <p>Fixed patterns make the interesting cases easy to find in a demo: every 4th customer
 * ({@code MA_SIM00004}, {@code MA_SIM00008}, ...) has no {@code auth_token} on its partner record, every
 * 9th from the 6th on is deactivated, and every 10th from the 3rd on is a recent trial sign-up.
 */
final class CustomerGenerator {

    private static final List<String> INDUSTRIES = List.of("Logistics", "Healthcare", "Realty", "Fintech",
            "Travels", "Edutech", "Insurance", "Foods", "Motors", "Retail", "Telecom", "Analytics");
    private static final List<String> PBX_USER_AGENTS = List.of("Asterisk PBX 20.5.0",
            "FreeSWITCH-mod_sofia/1.10.11-release", "3CXPhoneSystem 18.0.9.20", "Yeastar P-Series 37.12.0.33",
            "FreePBX 16.0.40");

    private final long seed;
    private final LocalDate anchorDate;
    private final int days;
    private final LocalDate firstDay;
    private final String partnerId;
    private final Set<String> usedSlugs = new HashSet<>();

    CustomerGenerator(long seed, LocalDate anchorDate, int days, String partnerAuthId) {
        this.seed = seed;
        this.anchorDate = anchorDate;
        this.days = days;
        this.firstDay = anchorDate.minusDays(days - 1L);
        this.partnerId = UUID.nameUUIDFromBytes(("simulator-partner:" + partnerAuthId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String authId(int number) {
        String digits = Integer.toString(number);
        return "MA_SIM" + "00000".substring(digits.length()) + digits;
    }

    CustomerProfile generate(int number) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        Market market = Market.forCustomer(number);
        Market.City city = RandomDraws.pick(market.cities(), rng);
        String firstName = RandomDraws.pick(market.firstNames(), rng);
        String lastName = RandomDraws.pick(market.lastNames(), rng);
        String industry = RandomDraws.pick(INDUSTRIES, rng);
        String company = lastName + " " + industry + " " + RandomDraws.pick(market.companySuffixes(), rng);
        String slug = uniqueSlug((lastName + "-" + industry).toLowerCase(Locale.ROOT), number);
        String email = (rng.nextBoolean() ? "ops" : (firstName + "." + lastName).toLowerCase(Locale.ROOT))
                + "@" + slug + ".demo.example";
        boolean hasAddress = rng.nextInt(100) >= 15;
        String gstin = market == Market.IN && rng.nextInt(100) < 60 ? gstin(city, rng) : null;

        boolean recentSignUp = number % 10 == 3;
        boolean active = number % 9 != 6;
        LocalDate createdDay = recentSignUp
                ? firstDay.plusDays(days / 2)
                : firstDay.minusDays(5 + rng.nextInt(400));
        Instant createdAt = timeOfDay(createdDay, rng);
        LocalDate firstCallDay = max(firstDay, createdDay.plusDays(1));
        LocalDate lastCallDay = active ? anchorDate : anchorDate.minusDays(days / 4 + number % 5);
        Instant updatedAt = max(createdAt, timeOfDay(active ? anchorDate : lastCallDay.plusDays(1), rng));
        Instant lastLogin = rng.nextInt(100) < 20
                ? null
                : max(createdAt, updatedAt.minusSeconds(rng.nextLong(7 * 86_400L)));
        boolean verified = !recentSignUp && rng.nextInt(100) < 90;
        List<String> numbers = new ArrayList<>();
        for (int i = 0, count = 1 + rng.nextInt(3); i < count; i++) {
            numbers.add(market.landline(city, rng));
        }

        SimulatedCustomer customer = new SimulatedCustomer(
                number,
                authId(number),
                number % 4 == 0 ? null : token(authId(number)),
                String.valueOf(700_000 + number),
                RandomDraws.uuid(rng),
                firstName + " " + lastName,
                email,
                market.mobileNumber(rng),
                company,
                gstin,
                gstin != null || market != Market.IN ? "company" : "individual",
                hasAddress ? (1 + rng.nextInt(200)) + " " + RandomDraws.pick(market.streets(), rng) : null,
                hasAddress ? city.name() : null,
                hasAddress ? city.state() : null,
                hasAddress ? city.timezone() : null,
                market.country(),
                hasAddress ? city.zipCode() : null,
                active ? BigDecimal.valueOf(rng.nextLong(2_500_000L), 2).setScale(5) : new BigDecimal("0.00000"),
                1 + rng.nextInt(5),
                2 + rng.nextInt(29),
                active,
                verified,
                recentSignUp,
                verified ? "verified" : "pending",
                createdAt,
                updatedAt,
                lastLogin,
                market.pricingTier(),
                partnerId,
                List.copyOf(numbers));

        return new CustomerProfile(
                customer,
                market,
                city,
                Math.exp(0.6 * rng.nextGaussian()),
                0.3 + 0.55 * rng.nextDouble(),
                0.54 + 0.12 * rng.nextDouble(),
                trunkShare(rng),
                0.03 + 0.12 * rng.nextDouble(),
                firstCallDay,
                lastCallDay,
                ZoneId.of(city.timezone()),
                slug,
                RandomDraws.pick(PBX_USER_AGENTS, rng),
                "203.0.113." + (1 + (number - 1) % 254));
    }

    /** A third of customers use only the Voice API, a third mix products, a third are trunking-heavy. */
    private static double trunkShare(SplittableRandom rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> 0.0;
            case 1 -> 0.3 + 0.4 * rng.nextDouble();
            default -> 0.8 + 0.2 * rng.nextDouble();
        };
    }

    private String uniqueSlug(String candidate, int number) {
        String slug = usedSlugs.contains(candidate) ? candidate + "-" + number : candidate;
        usedSlugs.add(slug);
        return slug;
    }

    /** Deterministic but unguessable-looking customer token, derived from the seed so it is stable across restarts. */
    private String token(String authId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + authId).getBytes(StandardCharsets.UTF_8));
            return "simtok-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    private static String gstin(Market.City city, SplittableRandom rng) {
        StringBuilder out = new StringBuilder(city.gstStateCode());
        for (int i = 0; i < 5; i++) {
            out.append((char) ('A' + rng.nextInt(26)));
        }
        out.append(1000 + rng.nextInt(9000));
        out.append((char) ('A' + rng.nextInt(26))).append("1Z").append(rng.nextInt(10));
        return out.toString();
    }

    private static Instant timeOfDay(LocalDate day, SplittableRandom rng) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(3 * 3600 + rng.nextInt(10 * 3600))
                .plusNanos(rng.nextInt(1_000_000) * 1_000L);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
