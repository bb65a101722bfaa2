package dev.cdrgateway.insights;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.FixedClock;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Leaderboards against WireMock: exactly one per_page=1 summary read per customer, ranking and ties, caching,
 * partial failure reported in {@code failures}, partner roles only, tenant isolation, and bad input refused before
 * any upstream call. (The fan-out bound and the sampled poor-quality share: {@link InsightsBoundsTest}.)
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class LeaderboardTest extends UpstreamTest {

    private static final Map<String, String> MARCH = Map.of("fromDate", "2026-03-01", "toDate", "2026-03-25");

    @CacheName("vobiz-closed")
    Cache closed;
    @CacheName("vobiz-open")
    Cache open;

    /** The fixture's three customers (each with its own token, so read through the account API). */
    private void stubCustomers() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
    }

    private static MappingBuilder search(String customerId) {
        return get(urlPathEqualTo("/api/v1/Account/" + customerId + "/cdr/search"))
                .withHeader("X-Auth-ID", WireMock.equalTo(customerId))
                .withHeader("X-Auth-Token", WireMock.equalTo("demo-customer-token-000" + customerId.charAt(10) + "-not-real"));
    }

    private void stubSummaries(int calls1, int calls2, int calls3) {
        vobiz.stubFor(search("MA_DEMO0001").willReturn(json(InsightsStubs.summaryPage(calls1, 5, 600, "4.50"))));
        vobiz.stubFor(search("MA_DEMO0002").willReturn(json(InsightsStubs.summaryPage(calls2, 15, 1200, "9.75"))));
        vobiz.stubFor(search("MA_DEMO0003").willReturn(json(InsightsStubs.summaryPage(calls3, 12, 1200, "9.75"))));
    }

    /** The gateway and these expectations read the same today. */
    @BeforeEach
    void fixToday() {
        FixedClock.install();
    }

    @Test
    void ranksCustomersFromOneSummaryReadEachWithTiesBrokenByCustomerId() {
        stubCustomers();
        stubSummaries(10, 30, 30);

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("errors", nullValue())
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0002", "MA_DEMO0003", "MA_DEMO0001"))
                .body("data.leaderboard.entries.rank", contains(1, 2, 3))
                .body("data.leaderboard.entries.value", contains(30, 30, 10))
                .body("data.leaderboard.entries.sampled", contains(false, false, false))
                .body("data.leaderboard.entries[0].quality", nullValue())
                .body("data.leaderboard.complete", equalTo(true))
                .body("data.leaderboard.totalCustomers", equalTo(3))
                .body("data.leaderboard.rankedCustomers", equalTo(3))
                .body("data.leaderboard.fromDate", equalTo("2026-03-01"))
                .body("data.leaderboard.failures", hasSize(0));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withQueryParam("page", WireMock.equalTo("1")).withQueryParam("per_page", WireMock.equalTo("100")));
        for (String id : new String[] {"MA_DEMO0001", "MA_DEMO0002", "MA_DEMO0003"}) {
            vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/" + id + "/cdr/search"))
                    .withQueryParam("page", WireMock.equalTo("1"))
                    .withQueryParam("per_page", WireMock.equalTo("1"))
                    .withQueryParam("start_date", WireMock.equalTo("2026-03-01"))
                    .withQueryParam("end_date", WireMock.equalTo("2026-03-25")));
        }
        // The list carried every record: routing needed no single-customer read.
        vobiz.verify(0, getRequestedFor(WireMock.urlPathMatching("/api/v1/partner/accounts/.+")));
        assertEquals(4, vobiz.getAllServeEvents().size());
    }

    @Test
    void lowestFirstStillBreaksTiesByCustomerIdAndTopCuts() {
        stubCustomers();
        stubSummaries(30, 10, 10);

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH, "order", "LOWEST_FIRST", "top", 2)
                .body("errors", nullValue())
                .body("data.leaderboard.order", equalTo("LOWEST_FIRST"))
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0002", "MA_DEMO0003"))
                .body("data.leaderboard.rankedCustomers", equalTo(3));
    }

    @Test
    void answerRateBillableMinutesAndCostRankByTheirOwnValues() {
        stubCustomers();
        stubSummaries(10, 30, 30); // answer rates 50, 50, 40; billable minutes 10, 20, 20; cost 4.50, 9.75, 9.75

        post("insights/leaderboard", "metric", "ANSWER_RATE", "filter", MARCH)
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0001", "MA_DEMO0002", "MA_DEMO0003"))
                .body("data.leaderboard.entries.value", contains(50.0f, 50.0f, 40.0f));
        post("insights/leaderboard", "metric", "BILLABLE_MINUTES", "filter", MARCH)
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0002", "MA_DEMO0003", "MA_DEMO0001"))
                .body("data.leaderboard.entries.value", contains(20.0f, 20.0f, 10.0f));
        post("insights/leaderboard", "metric", "COST", "filter", MARCH, "currency", "inr")
                .body("errors", nullValue())
                .body("data.leaderboard.currency", equalTo("INR"))
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0002", "MA_DEMO0003", "MA_DEMO0001"))
                .body("data.leaderboard.entries.value", contains(9.75f, 9.75f, 4.5f));
        // Only customers billed in the currency are read at all.
        vobiz.resetRequests();
        post("insights/leaderboard", "metric", "CALLS", "filter", Map.of("fromDate", "2026-02-01", "toDate", "2026-02-28"),
                "currency", "USD")
                .body("errors", nullValue())
                .body("data.leaderboard.consideredCustomers", equalTo(0))
                .body("data.leaderboard.entries", hasSize(0));
        vobiz.verify(0, getRequestedFor(WireMock.urlPathMatching("/api/v1/Account/.*")));
    }

    @Test
    void aRepeatedLeaderboardIsServedFromTheCacheClosedRangesLongOpenOnesShort() {
        stubCustomers();
        stubSummaries(10, 30, 30);
        String today = FixedClock.TODAY.toString();

        for (int i = 0; i < 2; i++) {
            post("insights/leaderboard", "metric", "CALLS", "filter", MARCH).body("errors", nullValue());
            post("insights/leaderboard", "metric", "CALLS", "filter", Map.of("fromDate", "2026-03-01", "toDate", today))
                    .body("errors", nullValue());
        }

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts")));
        vobiz.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0002/cdr/search")));
        assertThat(keys(closed), hasItem(containsString("account:MA_DEMO0002|account.search|{end_date=2026-03-25")));
        assertThat(keys(open), hasItem(containsString("account:MA_DEMO0002|account.search|{end_date=" + today)));
    }

    @Test
    void oneFailingCustomerIsReportedAndTheOthersAreStillRanked() {
        stubCustomers();
        stubSummaries(10, 30, 20);
        vobiz.stubFor(search("MA_DEMO0002").willReturn(aResponse().withStatus(503)));

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("errors", nullValue())
                .body("data.leaderboard.entries.customer.id", contains("MA_DEMO0003", "MA_DEMO0001"))
                .body("data.leaderboard.entries.rank", contains(1, 2))
                .body("data.leaderboard.complete", equalTo(false))
                .body("data.leaderboard.consideredCustomers", equalTo(3))
                .body("data.leaderboard.rankedCustomers", equalTo(2))
                .body("data.leaderboard.failures", hasSize(1))
                .body("data.leaderboard.failures[0].customerId", equalTo("MA_DEMO0002"))
                .body("data.leaderboard.failures[0].code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("data.leaderboard.failures[0].retryable", equalTo(true))
                .body("data.leaderboard.failures[0].message", not(containsString("token")));
    }

    @Test
    void whenNoCustomerCanBeReadTheFieldFailsWithTheStandardCode() {
        stubCustomers();
        vobiz.stubFor(get(WireMock.urlPathMatching("/api/v1/Account/.*")).willReturn(aResponse().withStatus(401)));

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("data.leaderboard", nullValue())
                .body("errors[0].path", contains("leaderboard"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAUTHORIZED"));
    }

    @Test
    void customerUsersAreForbiddenWithoutAnyUpstreamCall() {
        postAs(Tokens.customer("acme", "MA_DEMO0001"), "insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("data.leaderboard", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyUpstreamCall() {
        Object[][] cases = {
                {"top", 0, "filter", MARCH},
                {"top", 101, "filter", MARCH},
                {"filter", Map.of("fromDate", "2026-03-25", "toDate", "2026-03-01")},
                {"filter", Map.of("direction", "OUTBOUND")},
                {"filter", MARCH, "currency", "rupees"},
        };
        for (Object[] variables : cases) {
            Object[] all = new Object[variables.length + 2];
            all[0] = "metric";
            all[1] = "CALLS";
            System.arraycopy(variables, 0, all, 2, variables.length);
            post("insights/leaderboard", all)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
        post("insights/leaderboard", "metric", "COST", "filter", MARCH)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("currency"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPartnerOnlyEverRanksItsOwnCustomers() {
        stubCustomers();
        stubSummaries(10, 30, 30);
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts")).withHeader("X-Auth-ID", WireMock.equalTo("PA_TEST0002"))
                .willReturn(json(InsightsStubs.customerList(false, "MA_GLOBEX01"))));
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/MA_GLOBEX01/cdrs"))
                .withHeader("X-Auth-ID", WireMock.equalTo("PA_TEST0002"))
                .withHeader("X-Auth-Token", WireMock.equalTo("test-globex-token-not-real"))
                .willReturn(json(InsightsStubs.summaryPage(3, 1, 60, "0.30"))));

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH).body("data.leaderboard.entries", hasSize(3));
        vobiz.resetRequests();
        postAs(Tokens.partnerAdmin("globex"), "insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("errors", nullValue())
                .body("data.leaderboard.totalCustomers", equalTo(1))
                .body("data.leaderboard.entries.customer.id", contains("MA_GLOBEX01"))
                .body("data.leaderboard.entries.value", contains(3));

        // Every upstream call of globex's leaderboard used globex's credentials; none of acme's data was read.
        Set<String> authIds = new HashSet<>();
        vobiz.getAllServeEvents().forEach(e -> authIds.add(e.getRequest().getHeader("X-Auth-ID")));
        assertEquals(Set.of("PA_TEST0002"), authIds);
    }

    private static Set<String> keys(Cache cache) {
        Set<String> keys = new HashSet<>();
        cache.as(CaffeineCache.class).keySet().forEach(k -> keys.add(k.toString()));
        return keys;
    }
}
