package dev.cdrgateway.vobiz;

import dev.cdrgateway.vobiz.dto.VobizCdrPage;
import dev.cdrgateway.vobiz.dto.VobizSingleCdr;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/**
 * The Vobiz account CDR API ({@code /api/v1/Account/{auth_id}/cdr}, capital A: docs/vobiz-contract.md#v22-account-path-casing), called
 * with a customer's own {@code MA_} credentials; the path auth id must equal {@code X-Auth-ID}. Only
 * {@link VobizClient} uses this interface.
 */
@RegisterRestClient(configKey = "vobiz-account")
@Path("/api/v1/Account/{authId}/cdr")
@Produces(MediaType.APPLICATION_JSON)
interface VobizAccountRestClient {

    @GET
    Uni<VobizCdrPage> list(@RestPath String authId,
                           @HeaderParam("X-Auth-Token") String authToken,
                           @HeaderParam("X-Auth-ID") String authIdHeader,
                           @RestQuery Map<String, String> query);

    @GET
    @Path("/search")
    Uni<VobizCdrPage> search(@RestPath String authId,
                             @HeaderParam("X-Auth-Token") String authToken,
                             @HeaderParam("X-Auth-ID") String authIdHeader,
                             @RestQuery Map<String, String> query);

    @GET
    @Path("/recent")
    Uni<VobizCdrPage> recent(@RestPath String authId,
                             @HeaderParam("X-Auth-Token") String authToken,
                             @HeaderParam("X-Auth-ID") String authIdHeader,
                             @RestQuery int limit);

    @GET
    @Path("/{callId}")
    Uni<VobizSingleCdr> get(@RestPath String authId,
                            @HeaderParam("X-Auth-Token") String authToken,
                            @HeaderParam("X-Auth-ID") String authIdHeader,
                            @RestPath String callId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return UpstreamErrors.fromResponse("account", response);
    }
}
