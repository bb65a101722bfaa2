package dev.cdrgateway.tenant;

import dev.cdrgateway.GatewayConfig;
import dev.cdrgateway.upstream.VobizCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Credentials from {@code gateway.tenants.*}: an inline token (from an environment variable) or a token file
 * (a mounted Secret), read when first needed. A missing or unreadable token means "not configured", logged
 * without the path's content.
 */
@ApplicationScoped
public class ConfiguredCredentials implements TenantCredentialResolver {

    private static final Logger LOG = Logger.getLogger(ConfiguredCredentials.class);

    private final GatewayConfig config;

    ConfiguredCredentials(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public Optional<VobizCredentials> partner(TenantId tenant) {
        GatewayConfig.Tenant t = config.tenants().get(tenant.value());
        if (t == null) {
            return Optional.empty();
        }
        return token(t.partner().secret(), tenant + " partner").map(token -> new VobizCredentials(t.partner().authId(), token));
    }

    @Override
    public Optional<VobizCredentials> customer(TenantId tenant, String customerId) {
        GatewayConfig.Tenant t = config.tenants().get(tenant.value());
        if (t == null) {
            return Optional.empty();
        }
        GatewayConfig.Secret secret = t.customers().get(customerId);
        if (secret == null) {
            return Optional.empty();
        }
        return token(secret, tenant + " customer " + customerId).map(token -> new VobizCredentials(customerId, token));
    }

    private static Optional<String> token(GatewayConfig.Secret secret, String what) {
        Optional<String> inline = secret.authToken().map(String::strip).filter(s -> !s.isEmpty());
        if (inline.isPresent()) {
            return inline;
        }
        if (secret.authTokenFile().isEmpty()) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(secret.authTokenFile().get(), StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            LOG.warnf("Token file for %s cannot be read (%s); treating it as not configured", what,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
