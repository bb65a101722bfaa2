package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.cdrgateway.simulator.SimulatedCustomer.PricingTier;

/**
 * Country-specific building blocks of the fake data: pricing tier (and so currency), Vobiz region, cities
 * and phone-number formats. Non-Indian numbers use the ranges reserved for fiction (US 555-01xx,
 * Ofcom drama numbers) so nothing generated can reach a real subscriber.
 */
enum Market {
    IN("IN", tier("Standard", "INR", "0.45", "0.20", "0.10", "0.30", "0.02", 700), "ap-south-1",
            List.of("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Karan", "Isha",
                    "Siddharth", "Neha", "Rahul", "Divya", "Aditya", "Pooja"),
            List.of("Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Menon", "Kapoor", "Rao", "Singh",
                    "Desai", "Banerjee", "Joshi", "Mehta", "Pillai", "Chatterjee"),
            List.of("Pvt Ltd", "Solutions Pvt Ltd", "Services LLP"),
            List.of("MG Road", "Linking Road", "Anna Salai", "Park Street", "Residency Road", "Ashram Road"),
            List.of(new City("Mumbai", "MH", "400001", "Asia/Kolkata", "mumbai", "22", "27"),
                    new City("Bengaluru", "KA", "560001", "Asia/Kolkata", "bangalore", "80", "29"),
                    new City("New Delhi", "DL", "110001", "Asia/Kolkata", "delhi", "11", "07"),
                    new City("Chennai", "TN", "600001", "Asia/Kolkata", "chennai", "44", "33"),
                    new City("Hyderabad", "TG", "500001", "Asia/Kolkata", "hyderabad", "40", "36"),
                    new City("Pune", "MH", "411001", "Asia/Kolkata", "mumbai", "20", "27"),
                    new City("Kolkata", "WB", "700001", "Asia/Kolkata", "kolkata", "33", "19"))) {

        @Override
        String mobileNumber(SplittableRandom rng) {
            return "+91" + (6 + rng.nextInt(4)) + digits(rng, 9);
        }

        @Override
        String landline(City city, SplittableRandom rng) {
            return "+91" + city.areaCode() + (2 + rng.nextInt(6)) + digits(rng, 9 - city.areaCode().length());
        }
    },
    US("US", tier("Global USD", "USD", "0.05", "0.02", "0.01", "0.03", "0.01", 10), "us-east-1",
            List.of("Emily", "Jacob", "Olivia", "Michael", "Sophia", "Daniel", "Ava", "Ethan"),
            List.of("Carter", "Nguyen", "Brooks", "Ramirez", "Foster", "Coleman", "Hughes", "Bennett"),
            List.of("LLC", "Inc"),
            List.of("Market Street", "Congress Avenue", "Broadway", "Hudson Street"),
            List.of(new City("New York", "NY", "10001", "America/New_York", "virginia", "212", null),
                    new City("Austin", "TX", "78701", "America/Chicago", "virginia", "512", null),
                    new City("San Francisco", "CA", "94105", "America/Los_Angeles", "oregon", "415", null))) {

        @Override
        String mobileNumber(SplittableRandom rng) {
            return landline(cities().get(rng.nextInt(cities().size())), rng);
        }

        @Override
        String landline(City city, SplittableRandom rng) {
            return "+1" + city.areaCode() + "55501" + digits(rng, 2);
        }
    },
    GB("GB", tier("Global GBP", "GBP", "0.04", "0.02", "0.01", "0.03", "0.01", 8), "eu-west-2",
            List.of("Oliver", "Amelia", "Harry", "Isla", "George", "Freya", "Jack", "Poppy"),
            List.of("Whitfield", "Ashworth", "Pemberton", "Holloway", "Kendrick", "Fairbairn", "Thornton", "Oakley"),
            List.of("Ltd"),
            List.of("Old Street", "Deansgate", "Victoria Street", "King Street"),
            List.of(new City("London", "England", "EC1V 9HX", "Europe/London", "london", "2079460", null),
                    new City("Manchester", "England", "M2 5DB", "Europe/London", "london", "1614960", null))) {

        @Override
        String mobileNumber(SplittableRandom rng) {
            return "+447700900" + digits(rng, 3);
        }

        @Override
        String landline(City city, SplittableRandom rng) {
            return "+44" + city.areaCode() + digits(rng, 3);
        }
    };

    private final String country;
    private final PricingTier pricingTier;
    private final String region;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> companySuffixes;
    private final List<String> streets;
    private final List<City> cities;

    Market(String country, PricingTier pricingTier, String region, List<String> firstNames, List<String> lastNames,
            List<String> companySuffixes, List<String> streets, List<City> cities) {
        this.country = country;
        this.pricingTier = pricingTier;
        this.region = region;
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.companySuffixes = companySuffixes;
        this.streets = streets;
        this.cities = cities;
    }

    /** A mobile-looking number of this country: customer contact phones and most external parties. */
    abstract String mobileNumber(SplittableRandom rng);

    /** A geographic number in {@code city}: the customers' DIDs. */
    abstract String landline(City city, SplittableRandom rng);

    /** Roughly one customer in six is abroad, so currencies other than INR show up in every demo. */
    static Market forCustomer(int customerNumber) {
        return switch (customerNumber % 12) {
            case 7 -> US;
            case 11 -> GB;
            default -> IN;
        };
    }

    String country() {
        return country;
    }

    PricingTier pricingTier() {
        return pricingTier;
    }

    String region() {
        return region;
    }

    List<String> firstNames() {
        return firstNames;
    }

    List<String> lastNames() {
        return lastNames;
    }

    List<String> companySuffixes() {
        return companySuffixes;
    }

    List<String> streets() {
        return streets;
    }

    List<City> cities() {
        return cities;
    }

    private static String digits(SplittableRandom rng, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + rng.nextInt(10)));
        }
        return out.toString();
    }

    private static PricingTier tier(String name, String currency, String rate, String streamingRate,
            String recordingRate, String piiRedactionRate, String nonConnectedFee, int didReleaseFee) {
        UUID id = UUID.nameUUIDFromBytes(("simulator-pricing-tier:" + currency).getBytes(StandardCharsets.UTF_8));
        BigDecimal perMinute = new BigDecimal(rate);
        return new PricingTier(id.toString(), name, currency, perMinute, new BigDecimal(streamingRate),
                new BigDecimal(recordingRate), perMinute, new BigDecimal(recordingRate),
                new BigDecimal(piiRedactionRate), new BigDecimal(nonConnectedFee), didReleaseFee);
    }

    /**
     * A customer location.
     *
     * @param originationRegion Vobiz media region calls from this city originate in
     * @param areaCode          national dialling prefix of the city's DIDs (for GB: the fictional block)
     * @param gstStateCode      Indian GST state code, {@code null} outside India
     */
    record City(String name, String state, String zipCode, String timezone, String originationRegion,
            String areaCode, String gstStateCode) {
    }
}
