package dev.cdrgateway.insights;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.paging.CallPages;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallSource;
import dev.cdrgateway.domain.port.CustomerSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Customer leaderboards: lists the partner's customers (paged, up to a bound), reads each one's figures over the
 * range with a bounded concurrent fan-out (one per_page=1 summary read per customer, or a bounded call scan for
 * the poor-quality share), all through the provider (so cached: closed ranges long, open ones
 * briefly), then ranks them. A customer that fails is reported in {@code failures}, never hides the others.
 */
@ApplicationScoped
public class LeaderboardService {

    private static final Logger LOG = Logger.getLogger(LeaderboardService.class);

    private final CallSource calls;
    private final CustomerSource customerSource;
    private final CallPages pages;
    private final CallScanner scanner;
    private final InsightsConfig.Leaderboard config;
    private final QualityThresholds thresholds;
    private final Clock clock;

    LeaderboardService(CallSource calls, CustomerSource customerSource, CallPages pages, CallScanner scanner, InsightsConfig config,
                       QualityThresholds thresholds, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.customerSource = customerSource;
        this.pages = pages;
        this.scanner = scanner;
        this.config = config.leaderboard();
        this.thresholds = thresholds;
    }

    /** The arguments of {@code leaderboard}, validated. */
    public record Request(LeaderboardMetric metric, CallCriteria filter, int top, RankOrder order, String currency) {
    }

    /** The leaderboard (partner roles only). */
    public Uni<Leaderboard> leaderboard(Caller caller, LeaderboardMetric metric, CallFilter filter, Integer top,
                                        RankOrder order, String currency) {
        Request request = InsightsFieldRules.leaderboardRequest(metric, CallFilter.normalised(filter, LocalDate.now(clock)),
                top, order, currency, config);
        AccessPolicy.requirePartner(caller, "leaderboard");
        return customers(caller.tenant()).flatMap(listed -> {
            List<Customer> considered = listed.rows().stream()
                    .filter(c -> CustomerIds.isValid(c.id()))
                    .filter(c -> request.currency() == null || request.currency().equals(currencyOf(c)))
                    .toList();
            return Multi.createFrom().iterable(considered)
                    .onItem().transformToUni(customer -> read(caller, customer, request)
                            .onFailure().recoverWithItem(failure -> Outcome.failed(customer, failure)))
                    .merge(Math.max(1, config.concurrency()))
                    .collect().asList()
                    .map(outcomes -> rank(request, listed, considered.size(), outcomes));
        });
    }

    /** The partner's customers up to the bound: the first page tells the total, the rest are read concurrently. */
    private Uni<CustomerPage> customers(TenantId tenant) {
        int max = Math.max(1, config.maxCustomers());
        int size = Math.min(Paginator.MAX_UPSTREAM_PAGE_SIZE, max);
        return customerSource.listCustomers(tenant, null, 1, size).flatMap(first -> {
            long wanted = Math.min(first.total(), max);
            int pageCount = (int) ((wanted + size - 1) / size);
            List<Uni<CustomerPage>> rest = new ArrayList<>();
            for (int page = 2; page <= pageCount; page++) {
                rest.add(customerSource.listCustomers(tenant, null, page, size));
            }
            Uni<List<CustomerPage>> more = rest.isEmpty() ? Uni.createFrom().item(List.of())
                    : Uni.join().all(rest).andFailFast();
            return more.map(others -> {
                List<Customer> rows = new ArrayList<>(first.rows());
                others.forEach(p -> rows.addAll(p.rows()));
                List<Customer> distinct = rows.stream().filter(Objects::nonNull)
                        .filter(distinctBy(Customer::id)).limit(max).toList();
                return new CustomerPage(distinct, Math.max(first.total(), distinct.size()));
            });
        });
    }

    private Uni<Outcome> read(Caller caller, Customer customer, Request request) {
        return Uni.createFrom().deferred(() -> calls.customer(caller.tenant(), customer.id(), request.filter()))
                .flatMap(scope -> {
                    if (request.metric() == LeaderboardMetric.POOR_QUALITY_SHARE) {
                        return scanner.scan(scope, request.filter(), Math.max(1, config.maxCallsPerCustomer()))
                                .map(scan -> Outcome.read(customer, scan.summary(), CallQualityReport.of(
                                        thresholds, scan,
                                        QualityService.worstCallsScope(request.filter()))));
                    }
                    return pages.page(scope, request.filter(), 1, 1).map(CallPage::summary)
                            .map(summary -> Outcome.read(customer, summary, null));
                });
    }

    private Leaderboard rank(Request request, CustomerPage listed, int considered, List<Outcome> outcomes) {
        List<Outcome> failed = outcomes.stream().filter(o -> o.failure() != null)
                .sorted(Comparator.comparing(o -> o.customer().id())).toList();
        if (!outcomes.isEmpty() && failed.size() == outcomes.size()) {
            Throwable first = failed.get(0).failure();
            if (first instanceof GatewayException g) {
                throw g;
            }
            throw first instanceof UpstreamNotFoundException ? AccessPolicy.notFoundCustomer(failed.get(0).customer().id())
                    : new IllegalStateException("no customer could be read", first);
        }
        Comparator<Scored> byValue = Comparator.comparing(Scored::value);
        if (request.order() == RankOrder.HIGHEST_FIRST) {
            byValue = byValue.reversed();
        }
        List<Scored> ranked = outcomes.stream().filter(o -> o.failure() == null)
                .map(o -> new Scored(o, value(request.metric(), o)))
                .filter(s -> s.value() != null)
                .sorted(byValue.thenComparing(s -> s.outcome().customer().id()))
                .toList();
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(request.top(), ranked.size()); i++) {
            Outcome o = ranked.get(i).outcome();
            entries.add(new LeaderboardEntry(i + 1, o.customer(), ranked.get(i).value(), o.summary(), o.quality(),
                    o.quality() != null && !o.quality().isComplete()));
        }
        boolean truncated = listed.total() > listed.rows().size();
        boolean sampled = ranked.stream().anyMatch(s -> s.outcome().quality() != null && !s.outcome().quality().isComplete());
        List<LeaderboardFailure> failures = failed.stream().map(LeaderboardService::failure).toList();
        return new Leaderboard(request.metric(), request.order(), request.filter().fromDate(), request.filter().toDate(),
                request.currency(), entries, (int) Math.min(Integer.MAX_VALUE, listed.total()), considered,
                ranked.size(), truncated, failures, failures.isEmpty() && !truncated && !sampled);
    }

    /** The ranked value; null when the customer has nothing to rank by (no calls, no quality data). */
    private static BigDecimal value(LeaderboardMetric metric, Outcome o) {
        CallSummary s = o.summary();
        return switch (metric) {
            case COST -> s.totalCost() == null ? BigDecimal.ZERO : s.totalCost().amount();
            case CALLS -> BigDecimal.valueOf(s.totalCalls());
            case BILLABLE_MINUTES -> BigDecimal.valueOf(s.billableSeconds()).divide(BigDecimal.valueOf(60), 2,
                    RoundingMode.HALF_UP);
            case ANSWER_RATE -> s.totalCalls() == 0 ? null : BigDecimal.valueOf(s.answerRate());
            case POOR_QUALITY_SHARE -> o.quality().getCallsWithQualityData() == 0 ? null
                    : BigDecimal.valueOf(o.quality().getPoorQuality().sharePercent());
        };
    }

    private static LeaderboardFailure failure(Outcome o) {
        Throwable f = o.failure();
        if (f instanceof GatewayException g) {
            return new LeaderboardFailure(o.customer().id(), g.code(), g.retryable(), g.getMessage());
        }
        if (f instanceof UpstreamNotFoundException) {
            return new LeaderboardFailure(o.customer().id(), "NOT_FOUND", false,
                    AccessPolicy.notFoundCustomer(o.customer().id()).getMessage());
        }
        LOG.warnf("Leaderboard read of customer %s failed unexpectedly: %s", o.customer().id(), f.getClass().getSimpleName());
        return new LeaderboardFailure(o.customer().id(), "INTERNAL", false,
                "An unexpected error occurred while reading this customer's calls");
    }

    private static String currencyOf(Customer customer) {
        return customer.balance() == null ? null : customer.balance().currency();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    /** One customer's figures, or why they could not be read. */
    private record Outcome(Customer customer, CallSummary summary, CallQualityReport quality, Throwable failure) {
        static Outcome read(Customer customer, CallSummary summary, CallQualityReport quality) {
            return new Outcome(customer, summary, quality, null);
        }

        static Outcome failed(Customer customer, Throwable failure) {
            return new Outcome(customer, null, null, failure);
        }
    }

    private record Scored(Outcome outcome, BigDecimal value) {
    }
}
