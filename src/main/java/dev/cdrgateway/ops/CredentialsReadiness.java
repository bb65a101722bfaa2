package dev.cdrgateway.ops;

import dev.cdrgateway.vobiz.CredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once upstream credentials are loaded for at least one tenant (nothing could be served otherwise). */
@Readiness
@ApplicationScoped
public class CredentialsReadiness implements HealthCheck {

    private final CredentialStore credentials;

    CredentialsReadiness(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        int tenants = credentials.tenantsWithPartnerCredentials();
        return HealthCheckResponse.named("upstream-credentials")
                .status(tenants > 0)
                .withData("tenantsWithCredentials", tenants)
                .build();
    }
}
