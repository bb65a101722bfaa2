package dev.cdrgateway.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The dev/demo token printer ({@code GET /demo/tokens}). Off unless a dev/demo profile turns it on. */
@ConfigMapping(prefix = "demo-identity")
public interface DemoIdentityConfig {

    /** Serve {@code GET /demo/tokens}. Never enable it in production: it mints tokens for anyone who asks. */
    @WithDefault("false")
    boolean enabled();

    /** Issuer of demo tokens; must equal {@code quarkus.oidc.token.issuer} of the profile. */
    @WithDefault("https://demo-idp.cdr-gateway.local")
    String issuer();

    /** Audience of demo tokens; must be accepted by {@code quarkus.oidc.token.audience}. */
    @WithDefault("cdr-gateway")
    String audience();

    /** Gateway tenant the demo users belong to. */
    @WithDefault("demo")
    String tenant();

    /** How long a printed token stays valid. */
    @WithDefault("PT8H")
    Duration validity();
}
