package dev.cdrgateway.vobiz;

import dev.cdrgateway.resilience.UpstreamApi;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * The two Vobiz APIs as the upstream pipeline sees them: partner ({@code /api/v1/partner}) and account
 * ({@code /api/v1/Account}), each behind its own circuit breaker in {@link VobizGuard}.
 */
final class VobizApi implements UpstreamApi {

    /** One of {@link VobizGuard}'s breaker methods. */
    private interface Breaker {
        <T> Uni<T> guard(Supplier<Uni<T>> call);
    }

    private final String label;
    private final Breaker breaker;

    private VobizApi(String label, Breaker breaker) {
        this.label = label;
        this.breaker = breaker;
    }

    static VobizApi partner(VobizGuard guard) {
        return new VobizApi("partner", guard::partner);
    }

    static VobizApi account(VobizGuard guard) {
        return new VobizApi("account", guard::account);
    }

    /** {@code partner} or {@code account}, as error messages and logs name the API. */
    String label() {
        return label;
    }

    @Override
    public String displayName() {
        return "Vobiz " + label + " API";
    }

    @Override
    public <T> Uni<T> throughBreaker(Supplier<Uni<T>> call) {
        return breaker.guard(call);
    }
}
