package dev.cdrgateway.hostile;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.cdrgateway.hostile.ErrorVocabulary.CODES;
import static dev.cdrgateway.hostile.ErrorVocabulary.LITERAL_TYPE_ERRORS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pathological GraphQL documents and variable values: fragment bombs and cycles, alias floods, deep nesting,
 * huge literals, out-of-range and wrong-typed values. Each is refused with a documented code, fast (the whole
 * class runs in seconds; a stall fails on the client's timeout), without any upstream call, and the gateway
 * answers the next good request.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileDocumentsTest extends UpstreamTest {

    private static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    private static final String TOO_DEEP = "QUERY_TOO_DEEP";
    private static final String BAD_INPUT = "BAD_USER_INPUT";
    private static final String HUGE = "a".repeat(200 * 1024);
    private static final BigInteger TWO_31 = BigInteger.TWO.pow(31);
    private static final BigInteger TWO_63 = BigInteger.TWO.pow(63);
    private static final BigInteger BELOW_MIN_INT = TWO_31.negate().subtract(BigInteger.ONE);

    @TestHTTPResource("/graphql")
    URI graphql;

    private HostileClient client;

    @BeforeEach
    void client() {
        client = new HostileClient(graphql, GraphQLClient.defaultToken());
    }

    static Stream<Arguments> refusedDocuments() {
        return Stream.of(
                // alias floods
                refused("300 aliases of __typename", Pathological.aliases(300, "__typename"), "TOO_MANY_ALIASES"),
                refused("900 aliases of __typename", Pathological.aliases(900, "__typename"), "TOO_MANY_ALIASES"),
                refused("250 aliases of customers", Pathological.aliases(250, "customers(first: 1) { totalCount }"), "TOO_MANY_ALIASES"),
                // deep nesting
                refused("100 levels of __type.ofType", "{ __type(name: \"Query\") {" + " ofType {".repeat(100)
                        + " name" + " }".repeat(100) + " } }", TOO_DEEP),
                refused("100 levels of customer.calls.edges.node", "{ customer(id: \"MA_DEMO0001\") {"
                        + " calls(first: 1) { edges { node { customer {".repeat(25) + " id"
                        + " } } } }".repeat(25) + " } }", TOO_DEEP),
                refused("1,000 levels of inline fragments", "{" + " ... on Query {".repeat(1000) + " __typename"
                        + " }".repeat(1000) + " }", Set.of("QUERY_TOO_LARGE", TOO_DEEP, "GRAPHQL_PARSE_FAILED")),
                refused("10,000 nested selection braces", "{".repeat(10_000) + "}".repeat(10_000),
                        Set.of("GRAPHQL_PARSE_FAILED", "QUERY_TOO_LARGE")),
                refused("list literal nested 10,000 deep", "{ customers(first: " + "[".repeat(10_000) + "1"
                        + "]".repeat(10_000) + ") { totalCount } }",
                        Set.of("GRAPHQL_PARSE_FAILED", "QUERY_TOO_LARGE", BAD_INPUT, "GRAPHQL_VALIDATION_FAILED")),
                refused("object literal nested 500 deep in a filter", "{ calls(filter: {direction: INBOUND, fromDate:"
                        + " {a:".repeat(500) + " 1" + " }".repeat(500) + "}) { totalCount } }",
                        Set.of("GRAPHQL_PARSE_FAILED", "QUERY_TOO_LARGE", BAD_INPUT, "GRAPHQL_VALIDATION_FAILED")),
                refusedWith("variable value nested 10,000 deep", "query Q($f: CallFilter) { calls(filter: $f) { totalCount } }",
                        "{\"f\": {\"fromDate\": " + Pathological.nested(10_000) + "}}", Set.of(BAD_INPUT, "BAD_REQUEST")),
                // huge literals
                refused("200 KB string literal as customers(search:)", "{ customers(search: \"" + HUGE + "\") { totalCount } }",
                        BAD_INPUT),
                refused("200 KB string literal as customer(id:)", "{ customer(id: \"" + HUGE + "\") { id } }", BAD_INPUT),
                refused("200 KB string literal as filter.callerNumber",
                        "{ calls(filter: {callerNumber: \"" + HUGE + "\"}) { totalCount } }", BAD_INPUT),
                refusedWith("200 KB string variable as customers(search:)",
                        "query Q($s: String) { customers(search: $s) { totalCount } }", Map.of("s", HUGE), BAD_INPUT),
                refused("huge number literal as customers(first:)",
                        "{ customers(first: 99999999999999999999999999) { totalCount } }", LITERAL_TYPE_ERRORS),
                refused("huge number literal as calls(first:)",
                        "{ calls(first: 99999999999999999999999999) { totalCount } }", LITERAL_TYPE_ERRORS),
                refused("2^31 literal as first", "{ customers(first: " + TWO_31 + ") { totalCount } }", LITERAL_TYPE_ERRORS),
                refused("2^63 literal as first", "{ customers(first: " + TWO_63 + ") { totalCount } }", LITERAL_TYPE_ERRORS),
                refused("-2^31-1 literal as first", "{ customers(first: " + BELOW_MIN_INT + ") { totalCount } }",
                        LITERAL_TYPE_ERRORS),
                intVariable("2^31 variable as first", TWO_31),
                intVariable("2^63 variable as first", TWO_63),
                intVariable("-2^31-1 variable as first", BELOW_MIN_INT),
                intVariable("huge number variable as first", new BigInteger("99999999999999999999999999")),
                intVariable("1e30 variable as first", 1e30),
                // wrong types
                refused("string literal \"20\" for an Int", "{ customers(first: \"20\") { totalCount } }", LITERAL_TYPE_ERRORS),
                refused("float literal 20.5 for an Int", "{ customers(first: 20.5) { totalCount } }", LITERAL_TYPE_ERRORS),
                intVariable("string variable \"20\" for an Int", "20"),
                intVariable("float variable 20.5 for an Int", 20.5),
                refused("float literal for an ID", "{ customer(id: 1.5) { id } }", LITERAL_TYPE_ERRORS),
                refused("boolean literal for an ID", "{ customer(id: true) { id } }", LITERAL_TYPE_ERRORS),
                refused("object literal for an ID", "{ customer(id: {a: 1}) { id } }", LITERAL_TYPE_ERRORS),
                idVariable("float variable for an ID", 1.5),
                idVariable("boolean variable for an ID", true),
                idVariable("object variable for an ID", Map.of("a", 1)),
                refused("number literal for a Date", "{ callSummary(filter: {fromDate: 20260101}) { totalCalls } }",
                        LITERAL_TYPE_ERRORS),
                refused("impossible date literal", "{ callSummary(filter: {fromDate: \"2026-02-30\"}) { totalCalls } }",
                        LITERAL_TYPE_ERRORS),
                refused("word literal for a Date", "{ callSummary(filter: {fromDate: \"yesterday\"}) { totalCalls } }",
                        LITERAL_TYPE_ERRORS),
                dateVariable("number variable for a Date", 20260101),
                dateVariable("impossible date variable", "2026-02-30"),
                dateVariable("word variable for a Date", "yesterday"),
                dateVariable("object variable for a Date", Map.of("year", 2026)),
                refused("enum given as a string literal", "{ callSummary(filter: {direction: \"INBOUND\"}) { totalCalls } }",
                        LITERAL_TYPE_ERRORS),
                refused("granularity given as a string literal", "{ callTimeSeries(fromDate: \"2026-03-01\", "
                        + "toDate: \"2026-03-02\", granularity: \"DAY\") { fromDate } }", LITERAL_TYPE_ERRORS),
                refused("unknown enum literal", "{ callSummary(filter: {direction: SIDEWAYS}) { totalCalls } }",
                        LITERAL_TYPE_ERRORS),
                refusedWith("unknown enum variable", "query Q($d: CallDirection) { callSummary(filter: {direction: $d}) "
                        + "{ totalCalls } }", Map.of("d", "SIDEWAYS"), BAD_INPUT),
                refusedWith("number variable for an enum", "query Q($d: CallDirection) { callSummary(filter: {direction: $d}) "
                        + "{ totalCalls } }", Map.of("d", 1), BAD_INPUT),
                // last, so that a gateway still busy with one (after the client gave up) delays no other case
                // fragment bombs
                refused("fragment bomb: F1..F7 each spread the previous 10 times", Pathological.bomb("Query", "__typename", 7),
                        TOO_COMPLEX),
                refused("fragment bomb over a real field", Pathological.bomb("Query", "customers(first: 1) { totalCount }", 7),
                        TOO_COMPLEX),
                refused("fragment bomb of nested selections on Customer",
                        "{ customers(first: 1) { edges { node { ...F6 } } } }"
                                + Pathological.fragments("Customer", "id name email calls(first: 1) { totalCount }", 6), TOO_COMPLEX),
                refused("fragment bomb through inline fragments", "{ ...F7 } fragment F0 on Query { __typename }"
                        + IntStream.rangeClosed(1, 7).mapToObj(i -> " fragment F" + i + " on Query { "
                                + " ... on Query { ...F%d }".formatted(i - 1).repeat(10) + " }")
                        .collect(Collectors.joining()), TOO_COMPLEX),
                refused("wide and deep fragment bomb", Pathological.wideAndDeep(), TOO_COMPLEX),
                // fragment cycles
                refused("two-fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", CODES),
                refused("self-spreading fragment", "{ ...A } fragment A on Query { __typename ...A }", CODES),
                refused("cycle through nested selections", "{ customers(first: 1) { edges { node { ...C } } } } "
                        + "fragment C on Customer { id calls(first: 1) { edges { node { customer { ...C } } } } }", CODES),
                refused("cycle that is also a bomb", "{ ...A } fragment A on Query { " + " ...B".repeat(10) + " } "
                        + "fragment B on Query { " + " ...C".repeat(10) + " } fragment C on Query { ...A __typename }",
                        CODES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDocuments")
    @Order(1)
    void refusedWithADocumentedCodeAndNoUpstreamCall(String name, String query, String variables, Set<String> codes) {
        try {
            client.assertRefused(client.postGraphQL(query, variables), codes);
            vobiz.verify(0, anyRequestedFor(anyUrl()));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("[" + name + "] " + e.getMessage(), e);
        }
    }

    static Stream<Arguments> outOfRangeIntegers() {
        return Stream.of(TWO_31, BELOW_MIN_INT, new BigInteger("99999999999999999999999999"),
                        new BigInteger("1000000000000000000000000000000"))
                .flatMap(n -> Stream.of(Arguments.of(n, true), Arguments.of(n, false)));
    }

    /**
     * An Int outside 32 bits is refused as such, never silently wrapped into another number (which may happen to
     * be valid, or is reported back as a value the client never sent).
     */
    @ParameterizedTest(name = "{0} as a literal: {1}")
    @MethodSource("outOfRangeIntegers")
    @Order(0)
    void outOfRangeIntegersAreNeverWrapped(BigInteger value, boolean literal) {
        HostileClient.Answer answer = literal
                ? client.postGraphQL("{ customers(first: " + value + ") { totalCount } }", (String) null)
                : client.postGraphQL("query Q($n: Int) { customers(first: $n) { totalCount } }", "{\"n\":" + value + "}");
        String wrapped = Integer.toString(value.intValue());
        String messages = answer.json().path("errors").toString();
        assertFalse(Pattern.compile("(?<![\\d.])" + Pattern.quote(wrapped) + "(?![\\d.])").matcher(messages).find(),
                () -> value + " was wrapped to " + wrapped + ": " + answer);
        client.assertRefused(answer, literal ? LITERAL_TYPE_ERRORS : Set.of(BAD_INPUT));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** 100 nested inline fragments add no field depth: the document may run, or be refused as too deep. */
    @Test
    @Order(0)
    void hundredLevelsOfInlineFragmentsRunOrAreRefusedAsTooDeep() {
        HostileClient.Answer answer = client.assertContract(client.postGraphQL(
                "{" + " ... on Query {".repeat(100) + " __typename" + " }".repeat(100) + " }", (String) null));
        if (answer.json().path("errors").isMissingNode()) {
            assertEquals("Query", answer.json().path("data").path("__typename").asText(null), answer::toString);
        } else {
            assertEquals(Set.of(TOO_DEEP), answer.codes(), answer::toString);
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The same bomb, sent ten times in a row: each is refused (no state builds up), the gateway keeps answering. */
    @Test
    @Order(2)
    void repeatedFragmentBombsAreEachRefused() {
        for (int i = 0; i < 10; i++) {
            client.assertRefused(client.postGraphQL(Pathological.bomb("Query", "__typename", 7), (String) null), TOO_COMPLEX);
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The bomb's size as text is small: it is its expansion (10^7 fields) that a limit must catch. */
    @Test
    @Order(0)
    void theFragmentBombIsASmallDocument() {
        String bomb = Pathological.bomb("Query", "__typename", 7);
        assertTrue(bomb.length() < 1000, bomb);
    }

    private static Arguments refused(String name, String query, String code) {
        return refusedWith(name, query, (String) null, Set.of(code));
    }

    private static Arguments refused(String name, String query, Set<String> codes) {
        return refusedWith(name, query, (String) null, codes);
    }

    private static Arguments refusedWith(String name, String query, Map<String, Object> variables, String code) {
        return refusedWith(name, query, HostileClient.json(variables), Set.of(code));
    }

    private static Arguments refusedWith(String name, String query, String variables, Set<String> codes) {
        return Arguments.of(name, query, variables, new LinkedHashSet<>(codes));
    }

    private static Arguments intVariable(String name, Object value) {
        return refusedWith(name, "query Q($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", value),
                BAD_INPUT);
    }

    private static Arguments idVariable(String name, Object value) {
        return refusedWith(name, "query Q($id: ID!) { customer(id: $id) { id } }", Map.of("id", value), BAD_INPUT);
    }

    private static Arguments dateVariable(String name, Object value) {
        return refusedWith(name, "query Q($d: Date) { callSummary(filter: {fromDate: $d}) { totalCalls } }",
                Map.of("d", value), BAD_INPUT);
    }

}
