package dev.cdrgateway.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Query cost limits (depth 12, complexity 25000 with page sizes as multipliers, 30 aliases, 3000 parser tokens,
 * no batches): each refuses the request with a stable code and a message naming the limit, before any upstream
 * call. Every refused request has the upstream it would need stubbed, so a missing limit shows as upstream traffic.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class QueryLimitsTest extends UpstreamTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void tooDeepSelectionIsRefused() {
        stubCustomerAndItsCalls();

        post("limits/too-deep", "id", "MA_DEMO0001")
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", allOf(containsString("13"), containsString("12"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void selectionOfTheMaximumDepthRuns() {
        stubCustomerAndItsCalls();

        post("limits/depth-twelve", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.calls.edges[0].node.customer.calls.edges[0].node.customer.calls.edges[0].cursor",
                        notNullValue());
    }

    @Test
    void pageSizesMultiplyTheCostOfNestedConnections() {
        stubCustomersAndTheirCalls();

        post("limits/calls-per-customer", "customers", 100, "calls", 500)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", allOf(containsString("25000"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFragmentCostsAsMuchAsEachPlaceItIsSpread() {
        post("limits/fragment-under-aliases")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sameSelectionWithSmallPagesRuns() {
        stubCustomersAndTheirCalls();

        post("limits/calls-per-customer", "customers", 2, "calls", 3)
                .body("errors", nullValue())
                .body("data.customers.edges", hasSize(2))
                .body("data.customers.edges[0].node.calls.edges", hasSize(3))
                .body("data.customers.edges[1].node.calls.edges", hasSize(3));
    }

    @Test
    void pageSizeAboveTheMaximumIsReportedRatherThanTheCostItCauses() {
        stubCustomersAndTheirCalls();

        post("limits/calls-per-customer", "customers", 100, "calls", 501)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", allOf(containsString("first"), containsString("500"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooManyAliasesAreRefusedWith200ForJsonClients() {
        stubCustomers();

        post("limits/thirty-one-aliases")
                .contentType(startsWith("application/json"))
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ALIASES"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", allOf(containsString("31"), containsString("30"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooManyAliasesAreRefusedWith400ForGraphQLResponseClients() {
        stubCustomers();

        postAccepting(GRAPHQL_RESPONSE, GraphQLClient.document("limits/thirty-one-aliases"))
                .statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ALIASES"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theMaximumNumberOfAliasesRuns() {
        stubCustomers();

        post("limits/thirty-aliases")
                .body("errors", nullValue())
                .body("data.customers.t1", equalTo(3))
                .body("data.customers.t30", equalTo(3));
    }

    @Test
    void documentWithTooManyTokensIsRefused() {
        stubCustomers();

        postAccepting(GRAPHQL_RESPONSE, GraphQLClient.document("limits/too-many-tokens"))
                .statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_LARGE"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", allOf(containsString("3000"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void batchedOperationsAreRefused() {
        stubCustomers();
        Map<String, Object> operation = Map.of("query", GraphQLClient.document("customer/customers"),
                "variables", Map.of("first", 1));

        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(List.of(operation, operation))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", allOf(containsString("one operation"), noJavaNames()));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void graphiqlIntrospectionRuns() {
        post("limits/graphiql-introspection").log().body()
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void badFaithIntrospectionIsStillRefused() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"))
                .when().post("/graphql").then().log().body().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void deepSelectionBehindTypenameIsStillRefused() {
        stubCustomerAndItsCalls();
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", GraphQLClient.document("limits/too-deep").replace("customer(id: $id) {", "__typename customer(id: $id) {"), "variables", Map.of("id", "MA_DEMO0001")))
                .when().post("/graphql").then().log().body().statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    private static ValidatableResponse postAccepting(String accept, String query) {
        return given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(accept)
                .body(Map.of("query", query))
                .when().post("/graphql")
                .then();
    }

    /**
     * Issue 11 finding 1: seven levels of fragments each spreading the previous ten times is a 650-byte document
     * meaning 10^7 field visits; expanding it ran out of heap. It is refused from the document alone.
     */
    @Test
    void nestedFragmentSpreadsAreRefusedBeforeTheyAreExpanded() {
        stubCustomers();
        StringBuilder document = new StringBuilder("{ ...F7 }\nfragment F0 on Query { __typename }\n");
        for (int level = 1; level <= 7; level++) {
            document.append("fragment F").append(level).append(" on Query {")
                    .append((" ...F" + (level - 1)).repeat(10)).append(" }\n");
        }
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document.toString()))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", allOf(containsString("2000"), noJavaNames()));
        // Two levels (100 visits of a real field) are well within the bound and run
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "{ ...B } fragment A on Query { __typename } fragment B on Query {"
                        + " ...A".repeat(10) + " }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__typename", equalTo("Query"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aliasesAreCountedWhereverTheirFragmentIsSpread() {
        stubCustomers();
        // 10 aliases, spread 4 times: 40 aliased fields once expanded, where the document shows 10
        String document = "{ ...A ...A ...A ...A } fragment A on Query {"
                + java.util.stream.IntStream.range(0, 10).mapToObj(i -> " a" + i + ": __typename")
                .collect(java.util.stream.Collectors.joining()) + " }";
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ALIASES"))
                .body("errors[0].message", allOf(containsString("40"), containsString("30")));
    }

    @Test
    void fragmentCyclesAreRefusedWithoutExpandingThem() {
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString("spreads itself"));
    }

    /**
     * graphql-java's lexer took one to seven seconds of CPU for a 200,000-digit literal and half a second for
     * 200,000 spaces; both are refused from the text before the parser runs. Long strings stay cheap and allowed.
     */
    @Test
    void longNumbersAndBlankRunsAreRefusedBeforeParsing() {
        for (String document : List.of("{ customers(first: " + "9".repeat(200_000) + ") { totalCount } }",
                "{ customers(first: 1." + "9".repeat(300) + ") { totalCount } }",
                "{ customers" + " ".repeat(200_000) + "{ totalCount } }")) {
            given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                    .body(Map.of("query", document))
                    .when().post("/graphql")
                    .then().statusCode(200)
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("QUERY_TOO_LARGE"))
                    .body("errors[0].message", noJavaNames());
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "{ __type(name: \"" + "9".repeat(100_000) + " # \\\" \") { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__type", nullValue());
    }

    /** No qualified Java names or exception class names leak into a message. */
    private static Matcher<String> noJavaNames() {
        return allOf(not(containsString("Exception")), not(containsString("java.")),
                not(containsString("graphql.")), not(containsString("dev.cdrgateway")));
    }

    /** MA_DEMO0001 (with its own token) and its calls on the account API: what customer(id) { calls } reads. */
    private void stubCustomerAndItsCalls() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
    }

    /** The partner's customer list. */
    private void stubCustomers() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
    }

    /** The customer list, each listed customer's record, and its calls on the account API with its own token. */
    private void stubCustomersAndTheirCalls() {
        stubCustomers();
        for (JsonNode account : Vendor.json("partner-customers/list").get("accounts")) {
            String id = account.get("auth_id").asText();
            vobiz.stubFor(partnerGet("/accounts/" + id).willReturn(json(Vendor.text(account))));
            vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/" + id + "/cdr"))
                    .withHeader("X-Auth-ID", WireMock.equalTo(id))
                    .withHeader("X-Auth-Token", WireMock.equalTo(account.get("auth_token").asText()))
                    .willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        }
    }
}
