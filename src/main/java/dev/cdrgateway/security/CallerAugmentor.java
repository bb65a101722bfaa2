package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.access.Role;
import dev.cdrgateway.domain.access.TenantId;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a verified token into the gateway's {@link Caller}, once per request, or rejects it (HTTP 401): the
 * tenant claim must be present and bound to the token's issuer, a gateway role must be present, and customer
 * users must name their customer account. Rejections are logged with the reason, never with the token.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute holding the {@link Caller}. */
    public static final String CALLER = "cdr-gateway.caller";
    /** Identity attribute Quarkus OIDC sets to the OIDC tenant (issuer configuration) that verified the token. */
    static final String OIDC_TENANT = "tenant-id";
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final Logger LOG = Logger.getLogger(CallerAugmentor.class);

    private final SecurityConfig config;

    CallerAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        // Fail closed: without the verifying issuer configuration the binding cannot be checked.
        String oidcTenant = Optional.ofNullable(identity.<Object>getAttribute(OIDC_TENANT)).map(Object::toString)
                .orElseThrow(() -> reject("no OIDC tenant on the verified identity"));
        Caller caller = caller(token, identity, oidcTenant);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(CALLER, caller).build());
    }

    private Caller caller(JsonWebToken token, SecurityIdentity identity, String oidcTenant) {
        String tenant = claim(token, config.claims().tenant())
                .orElseThrow(() -> reject("no '" + config.claims().tenant() + "' claim"));
        if (!ID.matcher(tenant).matches()) {
            throw reject("malformed tenant claim");
        }
        SecurityConfig.Issuer binding = config.issuers().get(oidcTenant);
        List<String> allowed = binding == null ? List.of() : binding.tenants();
        if (!allowed.contains("*") && !allowed.contains(tenant)) {
            throw reject("tenant '" + tenant + "' is not bound to OIDC issuer configuration '" + oidcTenant + "'");
        }
        Role role = Role.strongest(identity.getRoles()).orElseThrow(() -> reject("no gateway role"));
        Optional<String> customer = claim(token, config.claims().customer());
        if (role == Role.CUSTOMER) {
            if (customer.isEmpty() || !ID.matcher(customer.get()).matches()) {
                throw reject("customer role without a valid '" + config.claims().customer() + "' claim");
            }
            return new Caller(new TenantId(tenant), role, customer);
        }
        return new Caller(new TenantId(tenant), role, Optional.empty());
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static AuthenticationFailedException reject(String reason) {
        LOG.infof("Bearer token rejected: %s", reason);
        return new AuthenticationFailedException(reason);
    }
}
