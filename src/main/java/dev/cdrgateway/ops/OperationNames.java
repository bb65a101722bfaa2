package dev.cdrgateway.ops;

import dev.cdrgateway.resilience.ResilienceConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operation names as logs and metrics show them. Names are client-chosen: only the first
 * {@code gateway.metrics.max-operation-names} (each at most 100 characters) are shown as they are, later ones as
 * {@code other}, so a client cannot grow the metric series without bound.
 */
@ApplicationScoped
class OperationNames {

    private static final int MAX_LENGTH = 100;

    private final int max;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    OperationNames(ResilienceConfig resilience) {
        this.max = resilience.metrics().maxOperationNames();
    }

    /** The name to show: the operation's own, {@code other} past the bound, {@code none} without one. */
    String bounded(String name) {
        if (name == null) {
            return "none";
        }
        if (known.contains(name)) {
            return name;
        }
        if (known.size() < max && name.length() <= MAX_LENGTH) {
            known.add(name);
            return name;
        }
        return "other";
    }
}
