package dev.cdrgateway.http;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The GraphQL-over-HTTP contract: media types, status codes, GET for queries only, clear 4xx for bad requests. */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class GraphQLOverHttpTest extends UpstreamTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void getRunsQueriesWithOrWithoutOperationName() {
        stubCustomerWithOwnToken();
        String query = GraphQLClient.document("customer/customer");

        given().auth().oauth2(GraphQLClient.defaultToken()).queryParam("query", query).queryParam("variables", "{\"id\":\"MA_DEMO0001\"}")
                .queryParam("operationName", "Customer").accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(200)
                .body("data.customer.name", equalTo("Demo Customer One"));
        given().auth().oauth2(GraphQLClient.defaultToken()).queryParam("query", "{ customer(id: \"MA_DEMO0001\") { id } }").accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(200)
                .body("data.customer.id", equalTo("MA_DEMO0001"));
    }

    @Test
    void getRefusesMutations() {
        given().auth().oauth2(GraphQLClient.defaultToken()).queryParam("query", "mutation { anything }").accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void postNeedsAJsonBody() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType("application/x-www-form-urlencoded").body("query=%7B__typename%7D")
                .when().post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).body("{\"query\": ")
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("The request body is not valid JSON"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("The request must carry a non-empty `query` string, or the "
                        + "`extensions.persistedQuery` hash of a registered one"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).body("[{\"query\":\"{__typename}\"}]")
                .when().post("/graphql")
                .then().statusCode(400);
    }

    @Test
    void syntaxErrorsAreParseFailuresWithTheirLocation() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", "{ customers { "))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE).body(Map.of("query", "{ customers { "))
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void requestErrorsAre400ForGraphQLResponseClientsAnd200ForJsonClients() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE).body(Map.of("query", "{ noSuchField }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", "{ noSuchField }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(Map.of("query", "{ calls(first: 9000) { totalCount } }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void successfulQueriesAnswerInTheNegotiatedMediaType() {
        stubCustomerWithOwnToken();
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(Map.of("query", "{ customer(id: \"MA_DEMO0001\") { id } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.customer.id", equalTo("MA_DEMO0001"));
        // REST Assured sends "Accept: */*": a client that does not say gets application/json (GraphQL over HTTP)
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body(Map.of("query", "{ customer(id: \"MA_DEMO0001\") { id } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("data.customer.id", notNullValue());
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .header("Accept", "text/html, application/*;q=0.5")
                .body(Map.of("query", "{ customer(id: \"MA_DEMO0001\") { id } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("data.customer.id", notNullValue());
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept("text/html")
                .body(Map.of("query", "{ customer(id: \"MA_DEMO0001\") { id } }"))
                .when().post("/graphql")
                .then().statusCode(406)
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
    }

    /** Issue 11 finding 2: malformed GET parameters reached SmallRye's JSON parser and answered 500. */
    @Test
    void malformedGetParametersAre400WithAJsonError() {
        for (String[] parameter : new String[][]{{"variables", "{bad"}, {"variables", "[1]"}, {"variables", "1"},
                {"extensions", "{bad"}, {"extensions", "\"x\""}}) {
            given().auth().oauth2(GraphQLClient.defaultToken()).urlEncodingEnabled(true)
                    .queryParam("query", "{__typename}").queryParam(parameter[0], parameter[1])
                    .when().get("/graphql")
                    .then().statusCode(400)
                    .contentType(startsWith("application/json"))
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString(parameter[0]));
        }
        // Both malformed: one answer, naming the first
        given().auth().oauth2(GraphQLClient.defaultToken())
                .queryParam("query", "{__typename}").queryParam("variables", "{bad").queryParam("extensions", "{bad")
                .when().get("/graphql")
                .then().statusCode(400)
                .body("errors", org.hamcrest.Matchers.hasSize(1))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("variables"));
        given().auth().oauth2(GraphQLClient.defaultToken())
                .queryParam("query", "{__typename}").queryParam("query", "{__typename}")
                .when().get("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** SmallRye decodes GET parameters twice: a `+` became a space and a `%` failed with 500. */
    @Test
    void getParametersKeepPlusAndPercentSigns() {
        given().auth().oauth2(GraphQLClient.defaultToken())
                .queryParam("query", "query($s: String!) { __type(name: $s) { name } } # 100% +1")
                .queryParam("variables", "{\"s\": \"Query\", \"unused\": \"+91 100%\"}")
                .when().get("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__type.name", equalTo("Query"));
    }

    /** Issue 11 finding 6: a content type that merely starts like application/json is not JSON. */
    @Test
    void onlyApplicationJsonBodiesAreAccepted() {
        for (String type : new String[]{"application/jsno", "application/json-patch+json", "application/jsonx", "text/plain"}) {
            given().auth().oauth2(GraphQLClient.defaultToken()).contentType(type)
                    .body("{\"query\": \"{__typename}\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/graphql")
                    .then().statusCode(415)
                    .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType("Application/JSON; charset=utf-8")
                .body("{\"query\": \"{__typename}\"}")
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    /** Issue 11 finding 6: with two operations, an empty or unknown operationName picked the first one. */
    @Test
    void ambiguousOperationSelectionIs400() {
        String document = "query A { __typename } query B { __typename }";
        for (Object operationName : new Object[]{"", "C"}) {
            given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                    .body(Map.of("query", document, "operationName", operationName))
                    .when().post("/graphql")
                    .then().statusCode(400)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body(Map.of("query", document))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("operationName"));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body(Map.of("query", document, "operationName", "B"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
        // One anonymous operation with an empty name runs: clients send "" for "none"
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }", "operationName", ""))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void bodiesOverTheLimitAre413WithAJsonError() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body("{\"query\": \"{__typename}\", \"x\": \"" + "a".repeat(300_000) + "\"}")
                .when().post("/graphql")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("REQUEST_TOO_LARGE"));
    }
}
