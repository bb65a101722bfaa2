package dev.cdrgateway.resilience;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.Metrics;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Response caching by TTL class, stale-if-error, partial results, and cache metrics. Keys are credential
 * identity + endpoint + normalised parameters; {@link dev.cdrgateway.security.TenantIsolationTest} proves they
 * never cross tenants.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class CachingTest extends UpstreamTest {

    @CacheName("vobiz-closed")
    Cache closed;
    @CacheName("vobiz-open")
    Cache open;
    @CacheName("vobiz-customers")
    Cache customers;
    @Inject
    Instance<StaleCopies> staleCopies;

    @Test
    void aRepeatedReadIsServedFromTheCache() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));

        for (int i = 0; i < 3; i++) {
            post("customer/customers", "first", 5).body("data.customers.totalCount", equalTo(3));
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts")));
    }

    @Test
    void closedRangesAndCallsAreCachedLongOpenRangesShortCustomersMedium() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(Vendor.body("account-cdr-search/outbound"))));
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        vobiz.stubFor(accountGet("MA_DEMO0001", "/d0000000-0000-4000-8000-000000000006")
                .willReturn(json(Vendor.body("account-cdr-single/found"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001", "filter",
                Map.of("fromDate", "2026-03-01", "toDate", "2026-03-25")).body("errors", nullValue());
        post("cdr/customer-calls", "id", "MA_DEMO0001").body("errors", nullValue());
        post("cdr/call", "uuid", "d0000000-0000-4000-8000-000000000006", "customerId", "MA_DEMO0001")
                .body("errors", nullValue());

        assertThat(keys(closed), hasItem(containsString("account:MA_DEMO0001|account.search|")));
        assertThat(keys(closed), hasItem(containsString("account:MA_DEMO0001|account.get|{uuid=")));
        assertThat(keys(open), hasItem(containsString("account:MA_DEMO0001|account.list|")));
        assertThat(keys(customers), hasItem(equalTo("PA_TEST0001|partner.account|{id=MA_DEMO0001}")));
        // No key holds a token.
        for (Cache cache : new Cache[] {closed, open, customers}) {
            keys(cache).forEach(key -> assertThat(key, not(containsString(Vendor.CUSTOMER_TOKEN))));
        }
    }

    @Test
    void aRecentlyExpiredEntryIsServedStaleWhenUpstreamFails() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 5).body("extensions", nullValue());

        customers.invalidateAll().await().indefinitely(); // the entry's TTL is over
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(503)));

        post("customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3))
                .body("extensions.stale", equalTo(true))
                .body("extensions.staleAgeSeconds", greaterThanOrEqualTo(0));
    }

    @Test
    void aNewStaleStoreHoldsNoCopyAndPublishesItsOwnStatistics() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 5).body("extensions", nullValue());
        assertEquals(4.0, Metrics.scrape().value("cache_size", "cache", "vobiz-stale"), "the list and its three records");

        customers.invalidateAll().await().indefinitely();
        staleCopies.destroy(staleCopies.get()); // what every test's reset does: the store starts over
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(503)));

        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("extensions", nullValue());
        Metrics after = Metrics.scrape();
        assertEquals(0.0, after.value("cache_size", "cache", "vobiz-stale"));
        assertEquals(1.0, gets(after, "vobiz-stale", "miss"), "the new store counts from zero: one lookup, no copy");
    }

    @Test
    void withoutAStaleCopyAnUpstreamFailureIsAnError() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(503)));

        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("extensions", nullValue());
    }

    @Test
    void oneFailingCustomerLeavesTheOthersDataWithAnErrorAtItsExactPath() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        for (int n = 1; n <= 3; n++) {
            String id = "MA_DEMO000" + n;
            vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/" + id + "/cdr"))
                    .withHeader("X-Auth-Token", WireMock.equalTo("demo-customer-token-000" + n + "-not-real"))
                    .willReturn(n == 2 ? aResponse().withStatus(503) : json(Vendor.body("partner-customer-cdrs/page"))));
        }

        post("summary/customers-with-summaries")
                .body("data.customers.edges[0].node.callSummary.totalCalls", equalTo(7))
                .body("data.customers.edges[1].node.callSummary", nullValue())
                .body("data.customers.edges[2].node.callSummary.totalCalls", equalTo(7))
                .body("errors.size()", equalTo(1))
                .body("errors[0].path", contains("customers", "edges", 1, "node", "callSummary"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.retryable", equalTo(true));
        // The list carried every customer's record: routing needed no single-customer reads.
        vobiz.verify(0, getRequestedFor(WireMock.urlPathMatching("/api/v1/partner/accounts/.+")));
    }

    @Test
    void aConnectionWithAMissingPageIsAnErrorNeverAShortPage() {
        for (int page = 1; page <= 3; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .willReturn(page == 2 ? aResponse().withStatus(503)
                            : json(Vendor.generatedCdrPage(300, page, 100))));
        }

        post("cdr/global-calls", "first", 300)
                .body("data.calls", nullValue())
                .body("errors[0].path", contains("calls"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void cacheHitsAndMissesArePublishedPerCache() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        Metrics before = Metrics.scrape();

        post("customer/customers", "first", 5).body("data.customers.totalCount", equalTo(3));
        Metrics afterFirst = Metrics.scrape();
        post("customer/customers", "first", 5).body("data.customers.totalCount", equalTo(3));
        Metrics after = Metrics.scrape();

        // One read is one get. Quarkus 3.32.1 counts each get of Cache.getAsync twice (Caffeine's own statistics in
        // asMap().computeIfAbsent plus Quarkus's recorder), so the second read's hits are compared with the first
        // read's misses rather than with the constant 1.
        double firstMisses = gets(afterFirst, "vobiz-customers", "miss") - gets(before, "vobiz-customers", "miss");
        assertTrue(firstMisses > 0, () -> "the first read misses the cache: " + before.matching("cache_gets_total")
                + " -> " + afterFirst.matching("cache_gets_total"));
        assertEquals(0.0, gets(afterFirst, "vobiz-customers", "hit") - gets(before, "vobiz-customers", "hit"),
                "the first read finds nothing in the cache");
        assertEquals(firstMisses, gets(after, "vobiz-customers", "hit") - gets(afterFirst, "vobiz-customers", "hit"),
                "the second read hits the cache, once");
        assertEquals(0.0, gets(after, "vobiz-customers", "miss") - gets(afterFirst, "vobiz-customers", "miss"),
                "the second read does not miss");
        for (String other : new String[] {"vobiz-closed", "vobiz-open"}) {
            for (String result : new String[] {"hit", "miss"}) {
                assertEquals(gets(before, other, result), gets(after, other, result),
                        "a customer list is not read through " + other);
            }
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts")));

        assertTrue(after.has("cache_gets_total", "cache", "vobiz-customers", "result", "hit"));
        assertTrue(after.has("cache_gets_total", "cache", "vobiz-customers", "result", "miss"));
        assertTrue(after.has("cache_size", "cache", "vobiz-closed"));
        // The list, and the three customer records it carried (primed for later single-customer reads)
        assertEquals(4.0, after.value("cache_size", "cache", "vobiz-customers"));
        assertEquals(4, keys(customers).size());
    }

    @Test
    void eachTtlClassCountsItsOwnHitsAndMisses() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(Vendor.body("account-cdr-search/outbound"))));
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        Map<String, Object> closedRange = Map.of("fromDate", "2026-03-01", "toDate", "2026-03-25");
        Metrics before = Metrics.scrape();

        for (int i = 0; i < 2; i++) {
            post("cdr/customer-calls", "id", "MA_DEMO0001", "filter", closedRange).body("errors", nullValue());
            post("cdr/customer-calls", "id", "MA_DEMO0001").body("errors", nullValue());
        }
        Metrics after = Metrics.scrape();

        // A closed range (vobiz-closed) and the open-ended list (vobiz-open): read once each, then served cached
        for (String cache : new String[] {"vobiz-closed", "vobiz-open"}) {
            double misses = gets(after, cache, "miss") - gets(before, cache, "miss");
            assertTrue(misses > 0, cache + " misses on the first read");
            assertEquals(misses, gets(after, cache, "hit") - gets(before, cache, "hit"),
                    cache + " hits on the second read as often as it missed on the first");
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr/search")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr")));
    }

    private static double gets(Metrics metrics, String cache, String result) {
        return metrics.sum("cache_gets_total", "cache", cache, "result", result);
    }

    private static Set<String> keys(Cache cache) {
        Set<String> keys = new java.util.HashSet<>();
        cache.as(CaffeineCache.class).keySet().forEach(k -> keys.add(k.toString()));
        assertTrue(keys.stream().allMatch(k -> k.contains("|")), "keys are identity|endpoint|params");
        return keys;
    }
}
