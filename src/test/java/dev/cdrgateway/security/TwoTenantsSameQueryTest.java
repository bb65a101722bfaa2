package dev.cdrgateway.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two partners (acme, globex) run the same partner-wide query, {@code customers}: Vobiz answers each by the
 * credentials it is sent (X-Auth-ID), and each tenant gets its own customers, whether the answer comes from
 * upstream, from the response cache, or from a read shared with concurrent identical requests.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class TwoTenantsSameQueryTest extends UpstreamTest {

    private static final String ACCOUNTS = "/api/v1/partner/accounts";
    private static final String GLOBEX_ID = "PA_TEST0002";
    private static final String GLOBEX_TOKEN = "test-globex-token-not-real";
    private static final List<String> ACME_IDS = List.of("MA_DEMO0001", "MA_DEMO0002", "MA_DEMO0003");
    private static final List<String> GLOBEX_IDS = List.of("MA_GLOBEX001", "MA_GLOBEX002");

    @Test
    void eachTenantGetsItsOwnCustomersFromUpstreamAndFromTheCache() {
        stubBothTenants(0);

        for (int round = 0; round < 2; round++) { // round 1 reads upstream, round 2 the cache
            assertOwnCustomers(acme(), ACME_IDS, 3);
            assertOwnCustomers(globex(), GLOBEX_IDS, 2);
        }
        // The second round was served from the cache, one entry per credential identity
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo(Vendor.PARTNER_ID)));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID)));
        vobiz.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCachedAnswerOfOneTenantIsNeverServedToTheOther() {
        stubBothTenants(0);
        assertOwnCustomers(acme(), ACME_IDS, 3); // acme's answer is now cached

        assertOwnCustomers(globex(), GLOBEX_IDS, 2);
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .withHeader("X-Auth-Token", WireMock.equalTo(GLOBEX_TOKEN)));
    }

    @Test
    void concurrentIdenticalReadsAreSharedPerTenantOnly() throws Exception {
        // Slow enough that all requests arrive while the first upstream call of each tenant is still running.
        stubBothTenants(1500);
        int perTenant = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2 * perTenant);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> acme = new ArrayList<>();
            List<Future<String>> globex = new ArrayList<>();
            for (int i = 0; i < perTenant; i++) {
                acme.add(pool.submit(() -> {
                    start.await();
                    return postAs(partnerAdmin("acme"), "customer/customers", "first", 5).extract().asString();
                }));
                globex.add(pool.submit(() -> {
                    start.await();
                    return postAs(partnerAdmin("globex"), "customer/customers", "first", 5).extract().asString();
                }));
            }
            start.countDown();
            for (Future<String> answer : acme) {
                assertOwnCustomers(JsonPath.from(answer.get(15, TimeUnit.SECONDS)), ACME_IDS, 3);
            }
            for (Future<String> answer : globex) {
                assertOwnCustomers(JsonPath.from(answer.get(15, TimeUnit.SECONDS)), GLOBEX_IDS, 2);
            }
        } finally {
            pool.shutdownNow();
        }
        // One shared upstream read per tenant: coalescing joined identical reads, never reads of two tenants
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo(Vendor.PARTNER_ID)));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID)));
        vobiz.verify(2, anyRequestedFor(anyUrl()));
    }

    private static JsonPath acme() {
        return JsonPath.from(postAs(partnerAdmin("acme"), "customer/customers", "first", 5).extract().asString());
    }

    private static JsonPath globex() {
        return JsonPath.from(postAs(partnerAdmin("globex"), "customer/customers", "first", 5).extract().asString());
    }

    private static void assertOwnCustomers(JsonPath answer, List<String> ids, int total) {
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(total, answer.<Integer>get("data.customers.totalCount"));
        assertEquals(ids, answer.getList("data.customers.edges.node.id"));
    }

    /** acme's credentials list the fixture's three customers; globex's list two customers of its own. */
    private void stubBothTenants(int delayMs) {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))
                .withFixedDelay(delayMs)));
        ObjectNode globexList = Vendor.json("partner-customers/list");
        ArrayNode accounts = (ArrayNode) globexList.get("accounts");
        accounts.remove(2);
        for (int i = 0; i < accounts.size(); i++) {
            ObjectNode account = (ObjectNode) accounts.get(i);
            account.put("id", 700_001 + i).put("auth_id", GLOBEX_IDS.get(i)).put("name", "Globex customer " + (i + 1));
        }
        globexList.put("total", 2);
        vobiz.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .withHeader("X-Auth-Token", WireMock.equalTo(GLOBEX_TOKEN))
                .willReturn(json(Vendor.text(globexList)).withFixedDelay(delayMs)));
    }
}
