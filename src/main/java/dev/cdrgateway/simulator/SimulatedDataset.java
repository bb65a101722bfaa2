package dev.cdrgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated partner's customers and call history, generated once and held in memory with the
 * indexes the routes need. Generation is a pure function of its parameters, so a demo shows the same
 * data after every restart (given a fixed anchor date).
 */
final class SimulatedDataset {

    /** Numeric CDR ids start here and increase with call start time, like a database sequence. */
    private static final long FIRST_CALL_ID = 52_000_001L;

    private final List<SimulatedCustomer> customers;
    private final Map<String, SimulatedCustomer> customersByAuthId;
    private final List<SimulatedCall> calls;
    private final Map<String, List<SimulatedCall>> callsByAccount;
    private final Map<String, SimulatedCall> callsByUuid;

    private SimulatedDataset(List<SimulatedCustomer> customers, List<SimulatedCall> newestFirst) {
        this.customers = List.copyOf(customers);
        this.calls = Collections.unmodifiableList(newestFirst);
        this.customersByAuthId = new HashMap<>();
        Map<String, List<SimulatedCall>> byAccount = new LinkedHashMap<>();
        for (SimulatedCustomer customer : customers) {
            customersByAuthId.put(customer.authId(), customer);
            byAccount.put(customer.authId(), new ArrayList<>());
        }
        this.callsByUuid = new HashMap<>(newestFirst.size() * 2);
        for (SimulatedCall call : newestFirst) {
            byAccount.get(call.accountId()).add(call);
            callsByUuid.put(call.uuid(), call);
        }
        byAccount.replaceAll((id, list) -> Collections.unmodifiableList(list));
        this.callsByAccount = byAccount;
    }

    /**
     * Generates the dataset.
     *
     * @param callsPerDay average calls per customer per active day
     * @param days        days of history ending with {@code anchorDate} (inclusive)
     */
    static SimulatedDataset generate(int customerCount, int callsPerDay, int days, LocalDate anchorDate, long seed,
            String partnerAuthId) {
        return generate(customerCount, callsPerDay, days, anchorDate, seed, partnerAuthId, Long.MAX_VALUE);
    }

    /**
     * Generates the dataset without the calls that start after {@code notAfterEpochSecond}, so a dataset
     * anchored on today holds no calls from the future (the remaining calls are the same as without the cut).
     */
    static SimulatedDataset generate(int customerCount, int callsPerDay, int days, LocalDate anchorDate, long seed,
            String partnerAuthId, long notAfterEpochSecond) {
        checkSizes(customerCount, callsPerDay, days);
        CustomerGenerator customerGenerator = new CustomerGenerator(seed, anchorDate, days, partnerAuthId);
        List<CustomerProfile> profiles = new ArrayList<>(customerCount);
        double volumeSum = 0;
        for (int number = 1; number <= customerCount; number++) {
            CustomerProfile profile = customerGenerator.generate(number);
            profiles.add(profile);
            volumeSum += profile.volume();
        }
        double meanVolume = customerCount == 0 ? 1 : volumeSum / customerCount;

        // Customers are independent random streams, so generating them in parallel changes nothing but speed.
        List<List<SimulatedCall>> perCustomer = profiles.parallelStream()
                .map(profile -> CallGenerator.generate(profile, callsPerDay * profile.volume() / meanVolume, seed))
                .toList();
        List<SimulatedCall> drafts = new ArrayList<>();
        perCustomer.forEach(drafts::addAll);
        drafts.removeIf(call -> call.startEpochSecond() > notAfterEpochSecond);
        // Stable sort of per-customer chronological runs: equal start times stay in customer order.
        drafts.sort(Comparator.comparingLong(SimulatedCall::startEpochSecond));
        List<SimulatedCall> newestFirst = new ArrayList<>(drafts.size());
        for (int i = drafts.size() - 1; i >= 0; i--) {
            newestFirst.add(drafts.get(i).withId(FIRST_CALL_ID + i));
        }
        return new SimulatedDataset(profiles.stream().map(CustomerProfile::customer).toList(), newestFirst);
    }

    /**
     * This dataset plus one new call for each of the first {@code customerCount} customers that have calls, each a
     * repeat of one of its earlier calls (picked with {@code random}) that ended at {@code nowEpochSecond} (live
     * mode). The new calls take the next ids (a CDR is written when its call ends) and their place by start time
     * in the newest-first order; uuids are derived from the ids, so they are new and stable.
     */
    SimulatedDataset withNewCalls(int customerCount, long nowEpochSecond, Random random) {
        long nextId = calls.stream().mapToLong(SimulatedCall::id).max().orElse(FIRST_CALL_ID - 1) + 1;
        List<SimulatedCall> merged = new ArrayList<>(calls);
        for (SimulatedCustomer customer : customers.subList(0, Math.min(customerCount, customers.size()))) {
            List<SimulatedCall> history = callsOf(customer.authId());
            if (history.isEmpty()) {
                continue;
            }
            SimulatedCall template = history.get(random.nextInt(history.size()));
            long id = nextId++;
            String uuid = UUID.nameUUIDFromBytes(("sim-live-" + id).getBytes(StandardCharsets.UTF_8)).toString();
            merged.add(template.again(id, uuid, nowEpochSecond - template.duration()));
        }
        merged.sort(Comparator.comparingLong(SimulatedCall::startEpochSecond).thenComparingLong(SimulatedCall::id)
                .reversed());
        return new SimulatedDataset(customers, merged);
    }

    /** Rejects sizes the id scheme or the calendar cannot represent. */
    static void checkSizes(int customerCount, int callsPerDay, int days) {
        if (customerCount < 0 || customerCount > 99_999) {
            throw new IllegalArgumentException("simulator.customers must be between 0 and 99999");
        }
        if (days < 1 || callsPerDay < 0) {
            throw new IllegalArgumentException("simulator.days must be positive and simulator.calls-per-day >= 0");
        }
    }

    /** Customers ordered by auth id. */
    List<SimulatedCustomer> customers() {
        return customers;
    }

    Optional<SimulatedCustomer> customer(String authId) {
        return Optional.ofNullable(customersByAuthId.get(authId));
    }

    /** All calls, newest first (start time descending, then id descending). */
    List<SimulatedCall> calls() {
        return calls;
    }

    /** One customer's calls, newest first; empty for an unknown customer. */
    List<SimulatedCall> callsOf(String authId) {
        return callsByAccount.getOrDefault(authId, List.of());
    }

    Optional<SimulatedCall> call(String uuid) {
        return Optional.ofNullable(callsByUuid.get(uuid));
    }
}
