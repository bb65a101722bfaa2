package dev.cdrgateway.vobiz;

import dev.cdrgateway.vobiz.dto.VobizAccountPage;
import dev.cdrgateway.vobiz.dto.VobizAccountRecord;
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
 * The Vobiz Partner API ({@code /api/v1/partner}), called with the partner's own {@code PA_} credentials.
 * Credentials are per call (one gateway serves many partners), hence header parameters rather than a static
 * headers factory. Only {@link VobizClient} uses this interface.
 */
@RegisterRestClient(configKey = "vobiz-partner")
@Path("/api/v1/partner")
@Produces(MediaType.APPLICATION_JSON)
interface VobizPartnerRestClient {

    @GET
    @Path("/accounts")
    Uni<VobizAccountPage> listAccounts(@HeaderParam("X-Auth-ID") String authId,
                                       @HeaderParam("X-Auth-Token") String authToken,
                                       @RestQuery Map<String, String> query);

    @GET
    @Path("/accounts/{customerId}")
    Uni<VobizAccountRecord> getAccount(@HeaderParam("X-Auth-ID") String authId,
                                 @HeaderParam("X-Auth-Token") String authToken,
                                 @RestPath String customerId);

    @GET
    @Path("/accounts/{customerId}/cdrs")
    Uni<VobizCdrPage> listCustomerCdrs(@HeaderParam("X-Auth-ID") String authId,
                                       @HeaderParam("X-Auth-Token") String authToken,
                                       @RestPath String customerId,
                                       @RestQuery Map<String, String> query);

    @GET
    @Path("/accounts/{customerId}/cdrs/{uuid}")
    Uni<VobizSingleCdr> getCustomerCdr(@HeaderParam("X-Auth-ID") String authId,
                                       @HeaderParam("X-Auth-Token") String authToken,
                                       @RestPath String customerId,
                                       @RestPath String uuid);

    @GET
    @Path("/cdrs")
    Uni<VobizCdrPage> listCdrs(@HeaderParam("X-Auth-ID") String authId,
                               @HeaderParam("X-Auth-Token") String authToken,
                               @RestQuery Map<String, String> query);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return UpstreamErrors.fromResponse("partner", response);
    }
}
