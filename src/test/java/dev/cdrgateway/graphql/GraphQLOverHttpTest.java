package dev.cdrgateway.graphql;

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
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .body(Map.of("query", "{ customer(id: \"MA_DEMO0001\") { id } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.customer.id", notNullValue());
    }
}
