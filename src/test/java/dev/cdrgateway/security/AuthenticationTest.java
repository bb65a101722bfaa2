package dev.cdrgateway.security;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may call the gateway: every GraphQL request needs a bearer token that Quarkus OIDC verifies (issuer,
 * signature, audience, expiry) and that {@link CallerAugmentor} accepts (tenant bound to the issuer, a gateway
 * role, a customer id for customer users). Rejected requests get 401, no data, and never reach upstream.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class AuthenticationTest extends UpstreamTest {

    private static final String CUSTOMER_COUNT = "tenant/customer-count";
    private static final String VIEWER = "tenant/viewer";

    @Test
    void missingTokenIsUnauthenticatedWithInstructions() {
        stubCustomerList();

        send(given(), CUSTOMER_COUNT)
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType(ContentType.JSON)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("Authorization: Bearer <token>"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(Tokens.token().tenant("acme").role("partner-admin").expiredSecondsAgo(3600).sign());
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejected(Tokens.token().tenant("acme").role("partner-admin").audience("some-other-api").sign());
    }

    @Test
    void tokenOfAnUnknownIssuerIsRejected() {
        assertRejected(Tokens.token().issuer("https://evil.test").signedWith("rogue")
                .tenant("acme").role("partner-admin").sign());
    }

    @Test
    void tokenOfAnUnknownIssuerIsRejectedEvenWhenSignedWithATrustedKey() {
        assertRejected(Tokens.token().issuer("https://evil.test").tenant("acme").role("partner-admin").sign());
    }

    @Test
    void tokenNamingTheTrustedIssuerButSignedWithAnotherKeyIsRejected() {
        assertRejected(Tokens.token().signedWith("rogue").tenant("acme").role("partner-admin").sign());
    }

    @Test
    void tokenNamingTheTrustedIssuerButSignedWithTheWhiteLabelKeyIsRejected() {
        assertRejected(Tokens.token().signedWith("issuer-b").tenant("acme").role("partner-admin").sign());
    }

    @Test
    void unsignedTokenIsRejected() {
        assertRejected(Tokens.token().tenant("acme").role("partner-admin").unsigned());
    }

    @Test
    void malformedTokenIsRejected() {
        assertRejected("abc");
    }

    @Test
    void tokenWithoutTenantIsRejected() {
        assertRejected(Tokens.token().role("partner-admin").sign());
    }

    @Test
    void tokenWithoutAGatewayRoleIsRejected() {
        assertRejected(Tokens.token().tenant("acme").role("something-else").sign());
    }

    @Test
    void customerTokenWithoutCustomerIdIsRejected() {
        assertRejected(Tokens.token().tenant("acme").role("customer").sign());
    }

    @Test
    void whiteLabelIssuerCannotSpeakForATenantItIsNotBoundTo() {
        assertRejected(Tokens.token().whitelabel().tenant("acme").role("partner-admin").sign());
    }

    @Test
    void whiteLabelIssuerSpeaksForItsBoundTenant() {
        String token = Tokens.token().whitelabel().tenant("globex").role("partner-admin").sign();

        postAs(token, VIEWER)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("globex"))
                .body("data.viewer.role", equalTo("PARTNER_ADMIN"))
                .body("data.viewer.customerId", nullValue())
                .body("data.viewer.partnerWide", equalTo(true));
    }

    @Test
    void rolesAreReadFromKeycloakRealmAccess() {
        String token = Tokens.token().tenant("acme").role("partner-viewer").keycloakRoles().sign();

        postAs(token, VIEWER)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"))
                .body("data.viewer.role", equalTo("PARTNER_VIEWER"))
                .body("data.viewer.partnerWide", equalTo(true));
    }

    @Test
    void viewerOfACustomerTokenIsScopedToThatCustomer() {
        postAs(Tokens.customer("acme", "MA_DEMO0001"), VIEWER)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"))
                .body("data.viewer.role", equalTo("CUSTOMER"))
                .body("data.viewer.customerId", equalTo("MA_DEMO0001"))
                .body("data.viewer.partnerWide", equalTo(false));
    }

    @Test
    void viewerNeverContainsUpstreamCredentials() {
        String acme = postAs(Tokens.partnerAdmin("acme"), VIEWER)
                .body("data.viewer.tenant", equalTo("acme"))
                .extract().asString();
        String globex = postAs(Tokens.partnerAdmin("globex"), VIEWER)
                .body("data.viewer.tenant", equalTo("globex"))
                .extract().asString();

        for (String body : new String[] {acme, globex}) {
            assertThat(body, not(containsString("test-partner-token-not-real")));
            assertThat(body, not(containsString("test-globex-token-not-real")));
            assertThat(body, not(containsString("PA_TEST000")));
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void graphiQLIsReachableWithoutAToken() {
        given().when().get("/q/graphql-ui/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"));
    }

    @Test
    void schemaIsReachableWithoutAToken() {
        given().when().get("/graphql/schema.graphql")
                .then().statusCode(200)
                .body(containsString("type Query"));
    }

    @Test
    void partnerOfATenantWithoutCredentialsGetsTenantNotConfigured() {
        stubCustomerList();

        postAs(Tokens.partnerAdmin("initech"), CUSTOMER_COUNT)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("TENANT_NOT_CONFIGURED"))
                .body("errors[0].path[0]", equalTo("customers"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void customerOfATenantWithoutCredentialsGetsTenantNotConfigured() {
        stubCustomerWithOwnToken();

        postAs(Tokens.customer("initech", "MA_DEMO0001"), "customer/customer", "id", "MA_DEMO0001")
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("TENANT_NOT_CONFIGURED"))
                .body("errors[0].path[0]", equalTo("customer"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * Sends {@code Authorization: Bearer <token>} with a query that would reach upstream, and asserts it is refused
     * before that: 401 with a Bearer challenge, no data, no upstream request.
     */
    private void assertRejected(String token) {
        stubCustomerList();

        String body = send(given().header("Authorization", "Bearer " + token), CUSTOMER_COUNT)
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .extract().asString();

        assertThat(body, not(containsString("\"data\"")));
        assertThat(body, not(containsString("totalCount")));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The partner's customer list for any caller, so a request that slipped through would get data. */
    private void stubCustomerList() {
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts")).willReturn(json(Vendor.body("partner-customers/list"))));
    }

    /** POSTs a stored operation as JSON without checking the status. */
    private static ValidatableResponse send(RequestSpecification request, String document) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", GraphQLClient.document(document));
        body.put("variables", Map.of());
        return request.contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then();
    }
}
