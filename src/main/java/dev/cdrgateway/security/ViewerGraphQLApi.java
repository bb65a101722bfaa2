package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The {@code viewer} query: who the gateway thinks the caller is. */
@GraphQLApi
public class ViewerGraphQLApi {

    private final TenantContext tenant;

    ViewerGraphQLApi(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Query("viewer")
    @NonNull
    @Description("The caller's tenant, role and customer scope, from the bearer token (send it as "
            + "`Authorization: Bearer <token>`).")
    public Uni<Viewer> viewer() {
        Caller caller = tenant.caller();
        return Uni.createFrom().item(new Viewer(caller.tenant().value(), caller.role(),
                caller.customerScope().orElse(null), caller.role().isPartner()));
    }
}
