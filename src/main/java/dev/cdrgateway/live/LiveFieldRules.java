package dev.cdrgateway.live;

import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The argument rule of the live feed: {@code callCompleted(customerId)}, checked before the subscription starts. */
@ApplicationScoped
public class LiveFieldRules implements FieldArgumentRules {

    @Override
    public Map<String, ArgumentRule> argumentRules() {
        return Map.of("Subscription.callCompleted",
                field -> CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId"));
    }
}
