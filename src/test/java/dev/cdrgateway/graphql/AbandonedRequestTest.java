package dev.cdrgateway.graphql;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamGate;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A client that closes its connection while the gateway waits for the upstream: when the answer comes, the
 * execution goes on without that request's CDI context (Quarkus ended it with the connection). It must neither
 * fail as an internal error (it did: the caller was looked up in the ended context, a blocking call on the event
 * loop) nor call the upstream again for nobody.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class AbandonedRequestTest extends UpstreamTest {

    private static final String CUSTOMER = "/api/v1/partner/accounts/MA_DEMO0001";
    private static final String CUSTOMER_CALLS = "/api/v1/partner/accounts/MA_DEMO0001/cdrs";

    @Inject
    MeterRegistry registry;

    @AfterEach
    void openGate() {
        UpstreamGate.open();
    }

    @Test
    void aRequestWhoseClientLeftMakesNoFurtherUpstreamCall() throws Exception {
        var record = Vendor.json("partner-customer/get");
        record.remove("auth_token"); // its calls are then read with the partner's credentials, at CUSTOMER_CALLS
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001")
                .willReturn(json(Vendor.text(record)).withTransformers(UpstreamGate.NAME)));
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        double abandonedBefore = abandoned();
        UpstreamGate.close();

        try (Socket client = new Socket("127.0.0.1", RestAssured.port)) {
            send(client, GraphQLClient.document("cdr/customer-calls"), new JsonObject().put("id", "MA_DEMO0001").put("first", 5));
            await().atMost(Duration.ofSeconds(10)).until(() -> UpstreamGate.arrived() >= 1);
        } // the client leaves while the gateway waits for the customer record
        await().atMost(Duration.ofSeconds(10)).until(() -> activeHttpRequests() == 0);
        UpstreamGate.open();

        // The customer record arrives; the customer's calls would be next, but their client has gone.
        await().atMost(Duration.ofSeconds(10)).until(() -> abandoned() - abandonedBefore == 1);
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(CUSTOMER)));
        vobiz.verify(0, getRequestedFor(urlPathEqualTo(CUSTOMER_CALLS)));
    }

    @Test
    void aClientThatStaysGetsItsAnswer() {
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        double abandonedBefore = abandoned();

        GraphQLClient.post("cdr/customer-calls", "id", "MA_DEMO0001", "first", 5)
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(7));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo(CUSTOMER_CALLS)));
        assertEquals(abandonedBefore, abandoned());
    }

    private static void send(Socket client, String query, JsonObject variables) throws Exception {
        byte[] body = new JsonObject().put("query", query).put("variables", variables).encode()
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nAuthorization: Bearer " + GraphQLClient.defaultToken() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private double abandoned() {
        return registry.find("gateway.graphql.abandoned").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** HTTP requests the gateway's server is still serving (the closed one drops out when Vert.x sees it close). */
    private double activeHttpRequests() {
        var active = registry.find("http.server.active.requests");
        assertNotNull(active.meter(), "the HTTP server counts its active requests");
        return active.gauges().stream().mapToDouble(g -> g.value()).sum()
                + active.longTaskTimers().stream().mapToDouble(t -> t.activeTasks()).sum();
    }
}
