package dev.cdrgateway.simulator;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Supplies {@code quarkus.oidc.public-key} for the {@code dev} and {@code demo} profiles only, from the per-process
 * {@link DemoSigningKey}: the embedded demo works with real token verification and zero setup, while prod and
 * test never see this key (the key pair is only generated when one of those profiled names is read).
 */
public class DemoKeyConfigSource implements ConfigSource {

    private static final Set<String> NAMES = Set.of("%dev.quarkus.oidc.public-key", "%demo.quarkus.oidc.public-key");

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.contains(propertyName) ? DemoSigningKey.publicKeyBase64() : null;
    }

    @Override
    public String getName() {
        return "cdr-gateway-demo-signing-key";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250): an explicitly configured key always wins.
        return 150;
    }
}
