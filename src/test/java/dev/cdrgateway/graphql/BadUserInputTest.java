package dev.cdrgateway.graphql;

import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Every kind of bad input is refused with BAD_USER_INPUT, a message saying what to fix, and no upstream call. */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class BadUserInputTest extends UpstreamTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("toDate before fromDate", "cdr/customer-calls", "toDate",
                        "id", "MA_DEMO0001", "filter", Map.of("fromDate", "2026-03-25", "toDate", "2026-03-01")),
                bad("toDate without fromDate", "cdr/customer-calls", "fromDate",
                        "id", "MA_DEMO0001", "filter", Map.of("toDate", "2026-03-01")),
                bad("date not YYYY-MM-DD", "cdr/customer-calls", "fromDate",
                        "id", "MA_DEMO0001", "filter", Map.of("fromDate", "25/03/2026")),
                bad("impossible date", "cdr/customer-calls", "fromDate",
                        "id", "MA_DEMO0001", "filter", Map.of("fromDate", "2026-02-30")),
                bad("negative min duration", "cdr/customer-calls", "minDurationSeconds",
                        "id", "MA_DEMO0001", "filter", Map.of("minDurationSeconds", -1)),
                bad("max below min duration", "cdr/customer-calls", "maxDurationSeconds",
                        "id", "MA_DEMO0001", "filter", Map.of("minDurationSeconds", 60, "maxDurationSeconds", 10)),
                bad("caller number with letters", "cdr/customer-calls", "callerNumber",
                        "id", "MA_DEMO0001", "filter", Map.of("callerNumber", "+91abc")),
                bad("unknown direction", "cdr/customer-calls", "direction",
                        "id", "MA_DEMO0001", "filter", Map.of("direction", "SIDEWAYS")),
                bad("unknown enum literal in the document", "cdr/bad-enum-literal", "SIDEWAYS"),
                bad("unknown status", "cdr/customer-calls", "status",
                        "id", "MA_DEMO0001", "filter", Map.of("status", "no-answer")),
                bad("UNKNOWN hangup cause", "cdr/customer-calls", "hangupCause",
                        "id", "MA_DEMO0001", "filter", Map.of("hangupCause", "UNKNOWN")),
                bad("first above 500", "cdr/customer-calls", "first", "id", "MA_DEMO0001", "first", 501),
                bad("negative first", "cdr/customer-calls", "first", "id", "MA_DEMO0001", "first", -1),
                bad("last above 500", "cdr/global-calls", "last", "last", 1000),
                bad("first and last together", "cdr/global-calls", "first", "first", 5, "last", 5),
                bad("malformed cursor", "cdr/global-calls", "after", "after", "not-a-cursor"),
                bad("forged cursor", "cdr/global-calls", "after", "after", "djEuNS5hYmMuZGVm"),
                bad("customer id with a path", "cdr/customer-calls", "id", "id", "../accounts"),
                bad("call uuid that is an endpoint name", "cdr/call", "uuid",
                        "uuid", "search", "customerId", "MA_DEMO0001"),
                bad("call without customer for a partner", "cdr/call", "customerId",
                        "uuid", "d0000000-0000-4000-8000-000000000006"),
                bad("recent limit zero", "cdr/recent-calls", "limit", "id", "MA_DEMO0001", "limit", 0),
                bad("customers first above 500", "customer/customers", "first", "first", 600));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusedWithoutCallingUpstream(String name, String document, String mentions, Object[] variables) {
        stubCustomerWithOwnToken();

        post(document, variables)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", containsStringIgnoringCase(mentions))
                .body("errors[0].message", not(containsString("dev.cdrgateway")))
                .body("errors[0].message", not(containsString("java.")));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * Issue 11 finding 3: input coercion as the GraphQL specification defines it. SmallRye's lenient scalars took a
     * string literal or a string/float variable for an Int, and numbers beyond 32 bits.
     */
    static Stream<Arguments> wrongScalars() {
        return Stream.of(
                Arguments.of("string literal for Int", "{ customer(id: \"MA_DEMO0001\") { calls(first: \"20\") { totalCount } } }", Map.of()),
                Arguments.of("float literal for Int", "{ customer(id: \"MA_DEMO0001\") { calls(first: 20.5) { totalCount } } }", Map.of()),
                Arguments.of("2^63 literal for Int", "{ customer(id: \"MA_DEMO0001\") { calls(first: 9223372036854775808) { totalCount } } }", Map.of()),
                Arguments.of("2^31 literal for Int", "{ customer(id: \"MA_DEMO0001\") { recentCalls(limit: 2147483648) { uuid } } }", Map.of()),
                Arguments.of("2^31 in the filter", "{ callSummary(customerId: \"MA_DEMO0001\", filter: {minDurationSeconds: 2147483648}) { totalCalls } }", Map.of()),
                Arguments.of("string variable for Int", "query($n: Int) { customer(id: \"MA_DEMO0001\") { calls(first: $n) { totalCount } } }", Map.of("n", "20")),
                Arguments.of("float variable for Int", "query($n: Int) { customer(id: \"MA_DEMO0001\") { calls(first: $n) { totalCount } } }", Map.of("n", 20.5)),
                Arguments.of("2^63 variable for Int", "query($n: Int) { customer(id: \"MA_DEMO0001\") { calls(first: $n) { totalCount } } }", Map.of("n", new java.math.BigInteger("9223372036854775808"))),
                Arguments.of("boolean variable for Int", "query($n: Int) { customer(id: \"MA_DEMO0001\") { calls(first: $n) { totalCount } } }", Map.of("n", true)),
                Arguments.of("float variable for ID", "query($id: ID!) { customer(id: $id) { id } }", Map.of("id", 1.5)),
                Arguments.of("boolean variable for ID", "query($id: ID!) { customer(id: $id) { id } }", Map.of("id", true)),
                Arguments.of("object variable for ID", "query($id: ID!) { customer(id: $id) { id } }", Map.of("id", Map.of("a", 1))),
                Arguments.of("float literal for ID", "{ customer(id: 1.5) { id } }", Map.of()),
                Arguments.of("number variable for Date", "query($f: CallFilter) { callSummary(customerId: \"MA_DEMO0001\", filter: $f) { totalCalls } }", Map.of("f", Map.of("fromDate", 20260101))),
                Arguments.of("number literal for Date", "{ callSummary(customerId: \"MA_DEMO0001\", filter: {fromDate: 20260101}) { totalCalls } }", Map.of()),
                Arguments.of("string literal for an enum", "{ callSummary(customerId: \"MA_DEMO0001\", filter: {direction: \"INBOUND\"}) { totalCalls } }", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongScalars")
    void valuesOfTheWrongTypeAreRequestErrors(String name, String document, Map<String, Object> variables) {
        stubCustomerWithOwnToken();

        io.restassured.RestAssured.given().auth().oauth2(dev.cdrgateway.testsupport.GraphQLClient.defaultToken())
                .contentType(io.restassured.http.ContentType.JSON).accept(io.restassured.http.ContentType.JSON)
                .body(Map.of("query", document, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data", org.hamcrest.Matchers.nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.keySet()", org.hamcrest.Matchers.containsInAnyOrder("code", "retryable"))
                .body("errors[0].message", not(containsStringIgnoringCase("coercing")))
                .body("errors[0].message", not(containsString("java.")));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    private static Arguments bad(String name, String document, String mentions, Object... variables) {
        return Arguments.of(name, document, mentions, variables);
    }
}
