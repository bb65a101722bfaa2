package dev.cdrgateway.live;

import dev.cdrgateway.testsupport.GraphQLWebSocket;
import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static dev.cdrgateway.testsupport.Tokens.customer;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed against the embedded simulator in live mode, as in the README's demo: calls completing while
 * subscribed arrive on the account route, the partner route and the partner-wide feed.
 */
@QuarkusTest
@TestProfile(LiveSimulatorTest.LiveSimulator.class)
class LiveSimulatorTest {

    /** The simulated upstream with live mode on: MA_SIM00001 … MA_SIM00004 complete a call every 200 ms. */
    public static class LiveSimulator extends SimulatedUpstreamProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("simulator.live.enabled", "true");
            overrides.put("simulator.live.interval", "PT0.2S");
            overrides.put("simulator.live.customers", "4");
            return overrides;
        }
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Vertx vertx;

    @Test
    void newCallsArriveForEachRouteAndPartnerWide() {
        try (GraphQLWebSocket own = GraphQLWebSocket.open(vertx, graphql, null);
             GraphQLWebSocket partner = GraphQLWebSocket.open(vertx, graphql, partnerAdmin("acme"))) {
            own.initWithToken(customer("acme", "MA_SIM00001"));
            partner.init(null);
            own.subscribe("own", "live/call-completed");
            partner.subscribe("via-partner-api", "live/call-completed", "customerId", "MA_SIM00004");
            partner.subscribe("partner-wide", "live/call-completed");

            JsonObject call = own.nextCall();
            assertEquals("MA_SIM00001", call.getString("customerId"));
            assertTrue(call.getJsonObject("timing").getString("endedAt").startsWith("20"));

            Map<String, String> firstCustomerPerOperation = new HashMap<>();
            while (firstCustomerPerOperation.size() < 2) {
                JsonObject message = partner.next();
                assertEquals("next", message.getString("type"), message::encode);
                String customerId = message.getJsonObject("payload").getJsonObject("data")
                        .getJsonObject("callCompleted").getString("customerId");
                firstCustomerPerOperation.putIfAbsent(message.getString("id"), customerId);
                if ("via-partner-api".equals(message.getString("id"))) {
                    assertEquals("MA_SIM00004", customerId);
                }
            }
            assertTrue(Set.of("MA_SIM00001", "MA_SIM00002", "MA_SIM00003", "MA_SIM00004")
                    .contains(firstCustomerPerOperation.get("partner-wide")));
        }
    }
}
