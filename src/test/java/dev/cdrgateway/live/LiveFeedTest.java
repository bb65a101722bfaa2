package dev.cdrgateway.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cdrgateway.testsupport.GraphQLWebSocket;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.Tokens.customer;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live call feed end to end: a real graphql-transport-ws client against the gateway, Vobiz played by WireMock
 * whose stubs change while the subscription runs. Waits are on pushed messages or on WireMock's request journal,
 * never on the clock.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class LiveFeedTest extends UpstreamTest {

    private static final String OWN = "MA_DEMO0001";
    private static final String OTHER = "MA_DEMO0002";
    private static final String GLOBEX_ID = "PA_TEST0002";
    private static final String GLOBEX_TOKEN = "test-globex-token-not-real";
    private static final String RECENT = "/api/v1/Account/" + OWN + "/cdr/recent";
    private static final String PARTNER_CDRS = "/api/v1/partner/accounts/" + OWN + "/cdrs";
    /** Upstream latency of the polls that must not overlap: longer than the test's poll interval (0.1 s). */
    private static final int SLOW_POLL_MS = 300;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Vertx vertx;

    @Inject
    LiveFeeds feeds;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(GraphQLWebSocket::close);
        await().until(() -> feeds.activeFeeds() == 0);
    }

    @Test
    void pushesOnlyCallsThatCompleteAfterSubscribing() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-1", "a-2"))));

        GraphQLWebSocket socket = open(partnerAdmin("acme")).init(null);
        socket.subscribe("1", "live/call-completed", "customerId", OWN);
        awaitPolls(RECENT, 2); // seeded, then polled again: the calls already there are not pushed
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-3", "a-1", "a-2"))));

        JsonObject call = socket.nextCall();
        assertEquals("a-3", call.getString("uuid"));
        assertEquals(OWN, call.getString("customerId"));
        int seen = polls(RECENT);
        awaitPolls(RECENT, seen + 2); // later polls still return a-3: it is not pushed twice
        assertEquals(0, socket.pending());
        vobiz.verify(getRequestedFor(urlPathEqualTo(RECENT)).withQueryParam("limit", equalTo("50")));
    }

    @Test
    void browsersSendTheTokenInConnectionInit() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-1"))));

        GraphQLWebSocket socket = open(null).initWithToken(customer("acme", OWN));
        socket.subscribe("1", "live/call-completed"); // customer users may omit their own id
        awaitPolls(RECENT, 1);
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-2", "a-1"))));

        assertEquals("a-2", socket.nextCall().getString("uuid"));
        // One token per socket: a payload token on a socket opened with a header token is refused.
        assertEquals(4400, open(partnerAdmin("acme")).sendInit(
                new JsonObject().put("Authorization", "Bearer " + partnerAdmin("globex"))));
    }

    @Test
    void upgradeWithoutAnyTokenOrWithABadOneIsRefused() {
        String expired = Tokens.token().tenant("acme").role("partner-admin").expiredSecondsAgo(600).sign();
        // Not a GraphQL WebSocket, no token: the usual 401.
        assertEquals(401, GraphQLWebSocket.upgradeStatus(vertx, graphql, null, null));
        // A bad header token is refused by OIDC before the upgrade.
        assertEquals(401, GraphQLWebSocket.upgradeStatus(vertx, graphql, expired, "graphql-transport-ws"));

        // Without a header the token must come in connection_init: a bad one closes the socket (4403)...
        assertEquals(4403, open(null).sendInit(new JsonObject().put("Authorization", "Bearer " + expired)));
        // ...and none at all runs nothing: every operation is UNAUTHENTICATED, then the socket is closed.
        GraphQLWebSocket browser = open(null).initWithToken(customer("acme", OWN));
        GraphQLWebSocket anonymous = open(null).init(null);
        anonymous.subscribe("1", "live/call-completed", "customerId", OWN);
        assertEquals("UNAUTHENTICATED", anonymous.nextErrors().getJsonObject(0)
                .getJsonObject("extensions").getString("code"));
        anonymous.awaitClosed();
        // The socket that authenticated in connection_init, opened before, is still open and knows its caller.
        browser.subscribe("1", "live/call-completed", "customerId", OTHER);
        assertEquals("NOT_FOUND", browser.nextErrors().getJsonObject(0).getJsonObject("extensions").getString("code"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void customerUserCannotFollowAnotherCustomer() {
        GraphQLWebSocket socket = open(customer("acme", OWN)).init(null);
        socket.subscribe("1", "live/call-completed", "customerId", OTHER);

        JsonObject error = socket.nextErrors().getJsonObject(0);
        assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"));
        assertEquals("No customer with id '" + OTHER + "' was found", error.getString("message"));
        socket.subscribe("2", "live/call-completed", "customerId", "not an id!");
        assertEquals("BAD_USER_INPUT", socket.nextErrors().getJsonObject(0)
                .getJsonObject("extensions").getString("code"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void queriesBelongOnHttpNotOnTheSocket() {
        GraphQLWebSocket socket = open(partnerAdmin("acme")).init(null);
        socket.subscribe("1", "live/viewer");

        JsonObject error = socket.nextErrors().getJsonObject(0);
        assertEquals("BAD_REQUEST", error.getJsonObject("extensions").getString("code"));
    }

    @Test
    void subscribersOfOneCustomerShareOnePoll() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("c-0"))));
        GraphQLWebSocket admin = open(partnerAdmin("acme")).init(null);
        GraphQLWebSocket user = open(customer("acme", OWN)).init(null);
        admin.subscribe("1", "live/call-completed", "customerId", OWN);
        user.subscribe("1", "live/call-completed");
        await().until(() -> feeds.subscribers() == 2);
        assertEquals(1, feeds.activeFeeds());

        // From now on every poll finds exactly one new call, and only the newest call is returned: a subscriber
        // gets every call only if every poll served it. A poller per subscriber would split the calls between them.
        // Each of these polls takes longer than the poll interval, so two pollers of one feed could not help but
        // have polls in flight at the same time.
        int calls = 6;
        int before = polls(RECENT);
        for (int i = 1; i <= calls; i++) {
            ScenarioMappingBuilder poll = accountGet(OWN, "/recent").inScenario("new call per poll")
                    .whenScenarioStateIs(i == 1 ? Scenario.STARTED : "served c-" + (i - 1))
                    .willReturn(json(recent("c-" + i)).withFixedDelay(SLOW_POLL_MS));
            vobiz.stubFor(i < calls ? poll.willSetStateTo("served c-" + i) : poll);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= calls; i++) {
            expected.add("c-" + i);
        }
        assertEquals(expected, take(admin, calls));
        int polled = polls(RECENT) - before;
        assertEquals(expected, take(user, calls));
        assertTrue(polled >= calls, "every call came from a poll: " + calls + " calls took " + polled + " polls");
        assertPollsNeverOverlap(RECENT);
    }

    @Test
    void tenantsNeverShareAFeedEvenForTheSameCustomerId() {
        stubPartnerRoute("PA_TEST0001", Vendor.PARTNER_TOKEN, "acme-1");
        stubPartnerRoute(GLOBEX_ID, GLOBEX_TOKEN, "globex-1");
        GraphQLWebSocket acme = open(partnerAdmin("acme")).init(null);
        GraphQLWebSocket globex = open(partnerAdmin("globex")).init(null);
        acme.subscribe("1", "live/call-completed", "customerId", OWN);
        globex.subscribe("1", "live/call-completed", "customerId", OWN);
        await().until(() -> feeds.activeFeeds() == 2 && polls(PARTNER_CDRS, GLOBEX_ID) >= 1
                && polls(PARTNER_CDRS, "PA_TEST0001") >= 1);

        stubPartnerRoute("PA_TEST0001", Vendor.PARTNER_TOKEN, "acme-2", "acme-1");
        stubPartnerRoute(GLOBEX_ID, GLOBEX_TOKEN, "globex-2", "globex-1");

        assertEquals("acme-2", acme.nextCall().getString("uuid"));
        assertEquals("globex-2", globex.nextCall().getString("uuid"));
        int acmePolls = polls(PARTNER_CDRS, "PA_TEST0001");
        int globexPolls = polls(PARTNER_CDRS, GLOBEX_ID);
        await().until(() -> polls(PARTNER_CDRS, "PA_TEST0001") >= acmePolls + 2
                && polls(PARTNER_CDRS, GLOBEX_ID) >= globexPolls + 2);
        assertEquals(0, acme.pending());
        assertEquals(0, globex.pending());
        vobiz.verify(getRequestedFor(urlPathEqualTo(PARTNER_CDRS)).withQueryParam("page", equalTo("1"))
                .withQueryParam("per_page", equalTo("50")));
    }

    @Test
    void upstreamFaultsKeepTheSubscriptionAliveAndRevokedCredentialsEndIt() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-1"))));
        GraphQLWebSocket socket = open(partnerAdmin("acme")).init(null);
        socket.subscribe("1", "live/call-completed", "customerId", OWN);
        awaitPolls(RECENT, 1);

        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(aResponse().withStatus(503)));
        int before = polls(RECENT);
        awaitPolls(RECENT, before + 4); // failing polls (with retries): nothing is pushed, nothing ends
        assertEquals(0, socket.pending());
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-2", "a-1"))));
        assertEquals("a-2", socket.nextCall().getString("uuid"));

        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Vendor.body("errors/401"))));
        JsonObject error = socket.nextErrors().getJsonObject(0);
        assertEquals("UPSTREAM_UNAUTHORIZED", error.getJsonObject("extensions").getString("code"));
        assertEquals("complete", socket.next().getString("type"));
        await().until(() -> feeds.activeFeeds() == 0);
    }

    @Test
    void pollingStopsWhenTheLastSubscriberLeaves() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/recent").willReturn(json(recent("a-1"))));
        GraphQLWebSocket first = open(partnerAdmin("acme")).init(null);
        GraphQLWebSocket second = open(partnerAdmin("acme")).init(null);
        first.subscribe("1", "live/call-completed", "customerId", OWN);
        second.subscribe("1", "live/call-completed", "customerId", OWN);
        await().until(() -> feeds.subscribers() == 2);

        first.complete("1");
        await().until(() -> feeds.subscribers() == 1);
        assertEquals(1, feeds.activeFeeds());
        second.close();
        await().until(() -> feeds.activeFeeds() == 0);
    }

    private GraphQLWebSocket open(String headerToken) {
        GraphQLWebSocket socket = GraphQLWebSocket.open(vertx, graphql, headerToken);
        sockets.add(socket);
        return socket;
    }

    private static List<String> take(GraphQLWebSocket socket, int count) {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uuids.add(socket.nextCall().getString("uuid"));
        }
        return uuids;
    }

    /**
     * One poll per interval for all subscribers of a feed: every poll of {@code path} reached upstream after the one
     * before it had been answered (a feed polls again one interval after an answer), never two at a time.
     */
    private void assertPollsNeverOverlap(String path) {
        List<ServeEvent> polls = vobiz.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
        for (int i = 1; i < polls.size(); i++) {
            ServeEvent previous = polls.get(i - 1);
            Integer took = previous.getTiming().getTotalTime();
            if (took == null) {
                continue; // still being answered: only the latest poll can be
            }
            long answered = previous.getRequest().getLoggedDate().getTime() + took;
            long next = polls.get(i).getRequest().getLoggedDate().getTime();
            assertTrue(next >= answered, "poll " + (i + 1) + " of " + path + " reached upstream " + (answered - next)
                    + " ms before the previous one was answered: two polls of one feed were in flight at once");
        }
    }

    private void awaitPolls(String path, int count) {
        await().until(() -> polls(path) >= count);
    }

    private int polls(String path) {
        return vobiz.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    private int polls(String path, String authId) {
        return vobiz.findAll(getRequestedFor(urlPathEqualTo(path)).withHeader("X-Auth-ID", equalTo(authId))).size();
    }

    /** Customer MA_DEMO0001 without its own token, seen by the partner {@code authId}, whose list has these calls. */
    private void stubPartnerRoute(String authId, String token, String... uuids) {
        ObjectNode record = Vendor.json("partner-customer/get");
        record.remove("auth_token");
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", equalTo(authId)).withHeader("X-Auth-Token", equalTo(token))
                .willReturn(json(Vendor.text(record))));
        ObjectNode page = Vendor.json("partner-customer-cdrs/page");
        ObjectNode template = (ObjectNode) page.withArray("data").get(0);
        ArrayNode rows = page.putArray("data");
        for (String uuid : uuids) {
            rows.add(template.deepCopy().put("uuid", uuid));
        }
        vobiz.stubFor(get(urlPathEqualTo(PARTNER_CDRS))
                .withHeader("X-Auth-ID", equalTo(authId)).withHeader("X-Auth-Token", equalTo(token))
                .willReturn(json(Vendor.text(page))));
    }

    /** A recent-calls body of MA_DEMO0001 holding calls with these uuids, newest first. */
    private static String recent(String... uuids) {
        ObjectNode body = Vendor.json("account-cdr-recent/limit3");
        ObjectNode template = (ObjectNode) body.withArray("data").get(0);
        ArrayNode rows = body.putArray("data");
        for (String uuid : uuids) {
            rows.add(template.deepCopy().put("uuid", uuid));
        }
        body.put("count", uuids.length);
        return Vendor.text(body);
    }
}
