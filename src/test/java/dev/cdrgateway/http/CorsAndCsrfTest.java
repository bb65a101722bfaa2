package dev.cdrgateway.http;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Browser rules: only the configured dashboard origin may call {@code /graphql} cross-origin (exact origin, never
 * {@code *}), and a cross-site "simple" request, which a browser sends without a preflight, is refused for its
 * content type before anything runs.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class CorsAndCsrfTest extends UpstreamTest {

    private static final String DASHBOARD = "https://dashboard.acme.test";
    private static final String EVIL = "https://evil.test";
    private static final String CUSTOMER_COUNT = "tenant/customer-count";
    /** Sends bodies verbatim whatever the content type, as a hand-written attack page would. */
    private static final RestAssuredConfig SEND_AS_TEXT = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT));

    @Test
    void preflightFromTheDashboardAllowsPostWithAuthorization() {
        preflight(DASHBOARD)
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        preflight(EVIL)
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void postFromTheDashboardCarriesItsOrigin() {
        stubCustomerList();

        given().header("Origin", DASHBOARD).auth().oauth2(GraphQLClient.defaultToken())
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", GraphQLClient.document(CUSTOMER_COUNT)))
                .when().post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .body("data.customers.totalCount", equalTo(3));
    }

    @Test
    void postFromAnotherOriginIsRefusedBeforeItRuns() {
        stubCustomerList();

        given().header("Origin", EVIL).auth().oauth2(GraphQLClient.defaultToken())
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", GraphQLClient.document(CUSTOMER_COUNT)))
                .when().post("/graphql")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .body(not(containsString("totalCount")));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The three content types a browser may POST cross-site without a preflight, each carrying a JSON query. */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"})
    void simpleRequestsAreRefusedForTheirContentType(String contentType) {
        stubCustomerList();
        String json = Json.encode(Map.of("query", GraphQLClient.document(CUSTOMER_COUNT)));

        given().config(SEND_AS_TEXT).header("Origin", DASHBOARD).auth().oauth2(GraphQLClient.defaultToken())
                .contentType(contentType).accept(ContentType.JSON)
                .body(json)
                .when().post("/graphql")
                .then().statusCode(415)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A browser's preflight for a JSON POST with a bearer token. */
    private static ValidatableResponse preflight(String origin) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/graphql")
                .then();
    }

    /** The partner's customer list for any caller, so a request that slipped through would get data. */
    private void stubCustomerList() {
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts")).willReturn(json(Vendor.body("partner-customers/list"))));
    }
}
