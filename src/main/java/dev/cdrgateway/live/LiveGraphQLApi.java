package dev.cdrgateway.live;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.security.TenantContext;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The live call feed: a GraphQL subscription served over WebSocket ({@code graphql-transport-ws}). */
@GraphQLApi
public class LiveGraphQLApi {

    private final LiveFeeds feeds;
    private final TenantContext tenant;

    LiveGraphQLApi(LiveFeeds feeds, TenantContext tenant) {
        this.feeds = feeds;
        this.tenant = tenant;
    }

    @Subscription("callCompleted")
    @NonNull
    @Description("Each call that completes from now on, once, oldest first, for live dashboards. The gateway polls "
            + "Vobiz's most recent calls every few seconds (gateway.live.poll-interval) once per tenant and customer, "
            + "whatever the number of subscribers, so a call arrives up to one interval after Vobiz records it. "
            + "Subscribe over WebSocket at /graphql with the graphql-transport-ws protocol; authenticate with the "
            + "Authorization header or {\"Authorization\": \"Bearer <token>\"} as the connection_init payload.")
    public Multi<Call> callCompleted(
            @Id @Description("The customer whose calls to follow. Customer users may omit it (their own account); "
                    + "partner users omitting it follow the partner-wide call log.") String customerId) {
        return feeds.callCompleted(tenant.caller(), customerId);
    }
}
