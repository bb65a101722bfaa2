package dev.cdrgateway.ops;

import dev.cdrgateway.security.SecurityConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready when every OIDC issuer configured with {@code auth-server-url} (the primary one and each named in
 * {@code gateway.issuers}) serves its discovery document; issuers verified with a local public key need no
 * connection. Results are reused for 15 s so probes never hammer the identity provider.
 */
@Readiness
@ApplicationScoped
public class OidcIssuerReadiness implements AsyncHealthCheck {

    private static final Duration REUSE = Duration.ofSeconds(15);
    private static final String DEFAULT = "Default";

    private final Map<String, String> issuers = new LinkedHashMap<>();
    private final WebClient client;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile Map<String, Boolean> lastResult = Map.of();

    OidcIssuerReadiness(Config config, SecurityConfig gateway, Vertx vertx) {
        config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).ifPresent(url -> issuers.put(DEFAULT, url));
        for (String tenant : gateway.issuers().keySet()) {
            if (!DEFAULT.equals(tenant)) {
                config.getOptionalValue("quarkus.oidc.\"" + tenant + "\".auth-server-url", String.class)
                        .or(() -> config.getOptionalValue("quarkus.oidc." + tenant + ".auth-server-url", String.class))
                        .ifPresent(url -> issuers.put(tenant, url));
            }
        }
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setIdleTimeout(5));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (Instant.now().isBefore(checkedAt.plus(REUSE))) {
            return Uni.createFrom().item(response(lastResult));
        }
        List<Uni<Map.Entry<String, Boolean>>> checks = new ArrayList<>();
        issuers.forEach((tenant, url) -> checks.add(reachable(url).map(ok -> Map.entry(tenant, ok))));
        if (checks.isEmpty()) {
            return Uni.createFrom().item(response(Map.of()));
        }
        return Uni.join().all(checks).andCollectFailures().map(results -> {
            Map<String, Boolean> states = new LinkedHashMap<>();
            results.forEach(e -> states.put(e.getKey(), e.getValue()));
            lastResult = states;
            checkedAt = Instant.now();
            return response(states);
        });
    }

    private Uni<Boolean> reachable(String authServerUrl) {
        String discovery = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        return Uni.createFrom().completionStage(() -> client.getAbs(discovery).timeout(3000).send()
                        .toCompletionStage())
                .map(response -> response.statusCode() == 200)
                .onFailure().recoverWithItem(false);
    }

    private static HealthCheckResponse response(Map<String, Boolean> states) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("oidc-issuers")
                .status(states.values().stream().allMatch(Boolean::booleanValue));
        if (states.isEmpty()) {
            builder.withData("issuers", "local public keys only");
        }
        states.forEach((tenant, ok) -> builder.withData(tenant, ok ? "reachable" : "unreachable"));
        return builder.build();
    }
}
