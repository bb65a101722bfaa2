package dev.cdrgateway.ops;

import dev.cdrgateway.vobiz.VobizGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Vobiz circuit breakers' states, and is always UP: a Vobiz outage must not take pods out of the
 * Service (the breakers already fail fast, and cached or stale data can still be served).
 */
@Readiness
@ApplicationScoped
public class UpstreamStatus implements HealthCheck {

    private final CircuitBreakerMaintenance breakers;

    UpstreamStatus(CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("vobiz-upstream")
                .up()
                .withData(VobizGuard.PARTNER, breakers.currentState(VobizGuard.PARTNER).name())
                .withData(VobizGuard.ACCOUNT, breakers.currentState(VobizGuard.ACCOUNT).name())
                .build();
    }
}
