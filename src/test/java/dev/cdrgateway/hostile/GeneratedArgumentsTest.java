package dev.cdrgateway.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated from the live schema (introspection): every argument of every Query field, and every field of the
 * CallFilter input, gets several wrong-typed, out-of-range and null values, each once as a literal in the
 * document and once as a variable. Each must be refused with a documented code (a literal: BAD_USER_INPUT or
 * GRAPHQL_VALIDATION_FAILED; a variable: BAD_USER_INPUT), never a 5xx, with no upstream request, and the next
 * good request must work.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class GeneratedArgumentsTest extends UpstreamTest {

    private static final String FIELDS = "{ __schema { queryType { fields { name args { name type "
            + "{ kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }";
    private static final String TYPES = "{ __schema { types { name kind enumValues { name } inputFields { name type "
            + "{ kind name ofType { kind name ofType { kind name } } } } } } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    /** A type reference as introspection gives it: its GraphQL text, named type, kind of the named type. */
    record TypeRef(String text, String named, String kind, boolean nonNull, boolean list) {

        static TypeRef of(JsonNode type) {
            return switch (type.path("kind").asText()) {
                case "NON_NULL" -> {
                    TypeRef inner = of(type.path("ofType"));
                    yield new TypeRef(inner.text + "!", inner.named, inner.kind, true, inner.list);
                }
                case "LIST" -> {
                    TypeRef inner = of(type.path("ofType"));
                    yield new TypeRef("[" + inner.text + "]", inner.named, inner.kind, false, true);
                }
                default -> new TypeRef(type.path("name").asText(), type.path("name").asText(),
                        type.path("kind").asText(), false, false);
            };
        }
    }

    /** A wrong value: how it is written in a document, and as JSON in the variables. */
    record Wrong(String label, String literal, String variable) {
    }

    private HostileClient client;
    private Map<String, List<String>> enumValues;
    private Map<String, Map<String, TypeRef>> inputFields;

    @TestFactory
    List<DynamicNode> everyArgumentRefusesWrongValues() {
        client = new HostileClient(graphql, GraphQLClient.defaultToken());
        JsonNode types = introspect(TYPES).path("types");
        enumValues = new LinkedHashMap<>();
        inputFields = new LinkedHashMap<>();
        for (JsonNode type : types) {
            if ("ENUM".equals(type.path("kind").asText())) {
                List<String> values = new ArrayList<>();
                type.path("enumValues").forEach(v -> values.add(v.path("name").asText()));
                enumValues.put(type.path("name").asText(), values);
            }
            if ("INPUT_OBJECT".equals(type.path("kind").asText())) {
                Map<String, TypeRef> fields = new LinkedHashMap<>();
                type.path("inputFields").forEach(f -> fields.put(f.path("name").asText(), TypeRef.of(f.path("type"))));
                inputFields.put(type.path("name").asText(), fields);
            }
        }
        assertTrue(inputFields.containsKey("CallFilter"), "introspection lists CallFilter: " + inputFields.keySet());

        List<DynamicNode> nodes = new ArrayList<>();
        int cases = 0;
        for (JsonNode field : introspect(FIELDS).path("queryType").path("fields")) {
            String name = field.path("name").asText();
            Map<String, TypeRef> args = new LinkedHashMap<>();
            field.path("args").forEach(a -> args.put(a.path("name").asText(), TypeRef.of(a.path("type"))));
            for (Map.Entry<String, TypeRef> arg : args.entrySet()) {
                List<DynamicTest> tests = new ArrayList<>();
                for (Wrong wrong : wrongValues(arg.getValue())) {
                    String others = requiredOthers(args, arg.getKey());
                    tests.add(DynamicTest.dynamicTest("literal " + wrong.label(), () -> assertRefused(
                            "{ " + name + "(" + arg.getKey() + ": " + wrong.literal() + others + ") { __typename } }",
                            null, ErrorVocabulary.LITERAL_TYPE_ERRORS)));
                    tests.add(DynamicTest.dynamicTest("variable " + wrong.label(), () -> assertRefused(
                            "query Q($v: " + arg.getValue().text() + ") { " + name + "(" + arg.getKey() + ": $v" + others
                                    + ") { __typename } }", "{\"v\":" + wrong.variable() + "}", Set.of("BAD_USER_INPUT"))));
                }
                cases += tests.size();
                nodes.add(DynamicContainer.dynamicContainer(name + "(" + arg.getKey() + ": " + arg.getValue().text() + ")",
                        tests));
            }
        }
        for (Map.Entry<String, TypeRef> filterField : inputFields.get("CallFilter").entrySet()) {
            String key = filterField.getKey();
            TypeRef type = filterField.getValue();
            List<DynamicTest> tests = new ArrayList<>();
            for (Wrong wrong : wrongValues(type)) {
                tests.add(DynamicTest.dynamicTest("literal " + wrong.label(), () -> assertRefused(
                        "{ callSummary(filter: {" + key + ": " + wrong.literal() + "}) { __typename } }",
                        null, ErrorVocabulary.LITERAL_TYPE_ERRORS)));
                tests.add(DynamicTest.dynamicTest("variable " + wrong.label(), () -> assertRefused(
                        "query Q($v: " + type.text() + ") { callSummary(filter: {" + key + ": $v}) { __typename } }",
                        "{\"v\":" + wrong.variable() + "}", Set.of("BAD_USER_INPUT"))));
                tests.add(DynamicTest.dynamicTest("in a filter variable " + wrong.label(), () -> assertRefused(
                        "query Q($f: CallFilter) { callSummary(filter: $f) { __typename } }",
                        "{\"f\":{\"" + key + "\":" + wrong.variable() + "}}", Set.of("BAD_USER_INPUT"))));
            }
            cases += tests.size();
            nodes.add(DynamicContainer.dynamicContainer("CallFilter." + key + ": " + type.text(), tests));
        }
        System.out.println("GeneratedArgumentsTest: " + cases + " generated cases");
        assertFalse(nodes.isEmpty());
        return nodes;
    }

    private void assertRefused(String query, String variables, Set<String> codes) {
        int before = vobiz.getAllServeEvents().size();
        AssertionError refused = null;
        try {
            client.assertRefused(client.postGraphQL(query, variables), codes);
        } catch (AssertionError e) {
            refused = e;
        }
        int after = vobiz.getAllServeEvents().size();
        String upstream = after == before ? "" : "\n  upstream was called: " + vobiz.getAllServeEvents().stream()
                .limit(after - before).map(e -> e.getRequest().getUrl()).collect(Collectors.joining(", "));
        vobiz.resetRequests();
        if (refused != null || !upstream.isEmpty()) {
            throw new AssertionError((refused == null ? query + " " + variables : refused.getMessage()) + upstream,
                    refused);
        }
    }

    /** Valid values for the other required arguments, so the wrong one is the only thing wrong. */
    private String requiredOthers(Map<String, TypeRef> args, String except) {
        StringBuilder others = new StringBuilder();
        args.forEach((name, type) -> {
            if (type.nonNull() && !name.equals(except)) {
                others.append(", ").append(name).append(": ").append(validLiteral(name, type));
            }
        });
        return others.toString();
    }

    private String validLiteral(String name, TypeRef type) {
        return switch (type.named()) {
            case "ID" -> name.equals("uuid") ? "\"d0000000-0000-4000-8000-000000000006\"" : "\"MA_DEMO0001\"";
            case "Date" -> name.equals("toDate") ? "\"2026-03-02\"" : "\"2026-03-01\"";
            case "Int" -> "1";
            case "String" -> "\"x\"";
            case "Boolean" -> "true";
            case "CallFilter" -> "{fromDate: \"2026-03-01\"}";
            default -> {
                if ("ENUM".equals(type.kind())) {
                    yield enumValues.get(type.named()).get(0);
                }
                throw new IllegalStateException("no valid value known for " + name + ": " + type.text()
                        + "; extend GeneratedArgumentsTest.validLiteral");
            }
        };
    }

    /** Wrong values for a type: other types, out-of-range numbers, unknown enum values, null for non-null. */
    private List<Wrong> wrongValues(TypeRef type) {
        List<Wrong> wrong = new ArrayList<>();
        if (type.nonNull()) {
            wrong.add(new Wrong("null", "null", "null"));
        }
        if (type.list()) {
            wrong.add(new Wrong("nested list", "[[{a: 1}]]", "[[{\"a\":1}]]"));
            return wrong;
        }
        switch (type.named()) {
            case "Int" -> {
                wrong.add(new Wrong("string \"20\"", "\"20\"", "\"20\""));
                wrong.add(new Wrong("float 20.5", "20.5", "20.5"));
                wrong.add(new Wrong("boolean", "true", "true"));
                wrong.add(new Wrong("2^31", "2147483648", "2147483648"));
                wrong.add(new Wrong("2^63", "9223372036854775808", "9223372036854775808"));
                wrong.add(new Wrong("-2^31-1", "-2147483649", "-2147483649"));
                wrong.add(new Wrong("10^26", "99999999999999999999999999", "99999999999999999999999999"));
                wrong.add(new Wrong("1e400", "1e400", "1e400"));
                wrong.add(new Wrong("object", "{a: 1}", "{\"a\":1}"));
                wrong.add(new Wrong("list", "[1, 2]", "[1,2]"));
                wrong.add(new Wrong("negative -1", "-1", "-1"));
            }
            case "ID" -> {
                wrong.add(new Wrong("float", "1.5", "1.5"));
                wrong.add(new Wrong("boolean", "true", "true"));
                wrong.add(new Wrong("object", "{a: 1}", "{\"a\":1}"));
                wrong.add(new Wrong("list", "[\"MA_DEMO0001\", \"MA_DEMO0002\"]", "[\"MA_DEMO0001\",\"MA_DEMO0002\"]"));
                wrong.add(new Wrong("enum-like name or empty object", "MA_DEMO0001", "{}"));
                wrong.add(new Wrong("200 KB string", "\"" + "7".repeat(200 * 1024) + "\"",
                        "\"" + "7".repeat(200 * 1024) + "\""));
            }
            case "String" -> {
                wrong.add(new Wrong("int", "20", "20"));
                wrong.add(new Wrong("float", "1.5", "1.5"));
                wrong.add(new Wrong("boolean", "true", "true"));
                wrong.add(new Wrong("object", "{a: 1}", "{\"a\":1}"));
                wrong.add(new Wrong("list", "[\"x\", \"y\"]", "[\"x\",\"y\"]"));
                wrong.add(new Wrong("enum-like name or empty object", "INBOUND", "{}"));
            }
            case "Date" -> {
                wrong.add(new Wrong("number 20260101", "20260101", "20260101"));
                wrong.add(new Wrong("impossible 2026-02-30", "\"2026-02-30\"", "\"2026-02-30\""));
                wrong.add(new Wrong("month 13", "\"2026-13-01\"", "\"2026-13-01\""));
                wrong.add(new Wrong("word yesterday", "\"yesterday\"", "\"yesterday\""));
                wrong.add(new Wrong("empty string", "\"\"", "\"\""));
                wrong.add(new Wrong("year 99999", "\"+99999-01-01\"", "\"+99999-01-01\""));
                wrong.add(new Wrong("date-time", "\"2026-03-01T00:00:00Z\"", "\"2026-03-01T00:00:00Z\""));
                wrong.add(new Wrong("boolean", "true", "true"));
                wrong.add(new Wrong("object", "{year: 2026}", "{\"year\":2026}"));
            }
            case "Boolean" -> {
                wrong.add(new Wrong("string", "\"true\"", "\"true\""));
                wrong.add(new Wrong("int", "1", "1"));
            }
            default -> {
                if ("ENUM".equals(type.kind())) {
                    String first = enumValues.get(type.named()).get(0);
                    wrong.add(new Wrong("string literal \"" + first + "\"", "\"" + first + "\"", "{\"name\":\"" + first + "\"}"));
                    wrong.add(new Wrong("unknown value", "NOT_A_VALUE", "\"NOT_A_VALUE\""));
                    wrong.add(new Wrong("lower case", first.toLowerCase(java.util.Locale.ROOT),
                            "\"" + first.toLowerCase(java.util.Locale.ROOT) + "\""));
                    wrong.add(new Wrong("int", "1", "1"));
                    wrong.add(new Wrong("boolean", "true", "true"));
                } else if ("INPUT_OBJECT".equals(type.kind())) {
                    wrong.add(new Wrong("string", "\"x\"", "\"x\""));
                    wrong.add(new Wrong("int", "1", "1"));
                    wrong.add(new Wrong("unknown field", "{nope: 1}", "{\"nope\":1}"));
                    wrong.add(new Wrong("list", "[1]", "[1]"));
                    wrong.add(new Wrong("boolean", "true", "true"));
                } else {
                    throw new IllegalStateException("no wrong values known for " + type.text()
                            + "; extend GeneratedArgumentsTest.wrongValues");
                }
            }
        }
        return wrong;
    }

    private JsonNode introspect(String query) {
        HostileClient.Answer answer = client.postGraphQL(query, (String) null);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.json().path("errors").isMissingNode(), answer::toString);
        return answer.json().path("data").path("__schema");
    }
}
