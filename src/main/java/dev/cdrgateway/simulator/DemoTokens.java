package dev.cdrgateway.simulator;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dev/demo mode only: {@code GET /demo/tokens} prints a signed bearer token for each demo user, so the
 * embedded demo works with real OIDC verification and zero setup; {@code GET /demo/tokens?role=<name>}
 * prints just that token (for shell scripts). Demo users belong to the simulator's partner.
 */
@ApplicationScoped
public class DemoTokens {

    private static final Logger LOG = Logger.getLogger(DemoTokens.class);

    /** Demo user name → role claim and (for customers) customer id. */
    private static final Map<String, String[]> USERS = demoUsers();

    private final DemoIdentityConfig config;

    DemoTokens(DemoIdentityConfig config) {
        this.config = config;
    }

    private static Map<String, String[]> demoUsers() {
        Map<String, String[]> users = new LinkedHashMap<>();
        users.put("partner-admin", new String[] {"partner-admin", null});
        users.put("partner-viewer", new String[] {"partner-viewer", null});
        users.put("customer", new String[] {"customer", "MA_SIM00001"});
        users.put("customer-via-partner-api", new String[] {"customer", "MA_SIM00004"});
        return users;
    }

    void mount(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        LOG.warnf("DEMO TOKENS ENABLED: GET /demo/tokens mints bearer tokens for tenant '%s' (dev/demo only)",
                config.tenant());
        router.get("/demo/tokens").handler(this::tokens);
    }

    private void tokens(RoutingContext rc) {
        String role = rc.queryParams().get("role");
        if (role != null) {
            String[] user = USERS.get(role);
            if (user == null) {
                rc.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                        .end("Unknown demo user; pick one of " + USERS.keySet() + "\n");
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(sign(role, user) + "\n");
            return;
        }
        JsonObject tokens = new JsonObject();
        USERS.forEach((name, user) -> tokens.put(name, sign(name, user)));
        JsonObject body = new JsonObject()
                .put("usage", "Send one as `Authorization: Bearer <token>`; in GraphiQL (/q/graphql-ui) paste "
                        + "{\"Authorization\": \"Bearer <token>\"} into the Headers tab.")
                .put("tenant", config.tenant())
                .put("expiresAt", Instant.now().plus(config.validity()).toString())
                .put("tokens", tokens);
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encodePrettily() + "\n");
    }

    private String sign(String name, String[] user) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject("demo-" + name)
                .upn(name + "@demo.example")
                .groups(Set.of(user[0]))
                .claim("tenant", config.tenant())
                .expiresIn(config.validity());
        if (user[1] != null) {
            claims.claim("customer_id", user[1]);
        }
        return claims.jws().keyId("demo").sign(DemoSigningKey.keys().getPrivate());
    }
}
