package dev.cdrgateway.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Posts GraphQL operations read from {@code src/test/resources/graphql/<feature>/<op>.graphql}. */
public final class GraphQLClient {

    private GraphQLClient() {
    }

    /** The text of a stored operation, e.g. {@code document("cdr/customer-calls")}. */
    public static String document(String name) {
        try (InputStream in = GraphQLClient.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no GraphQL document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token tests send unless they say otherwise: a partner admin of tenant {@code acme}. */
    public static String defaultToken() {
        return DEFAULT_TOKEN;
    }

    private static final String DEFAULT_TOKEN = Tokens.partnerAdmin("acme");

    /** POSTs the stored operation as acme's partner admin, with variables (key, value, ...); expects HTTP 200. */
    public static ValidatableResponse post(String name, Object... variables) {
        return postAs(DEFAULT_TOKEN, name, variables);
    }

    /** POSTs the stored operation with the given bearer token; expects HTTP 200. */
    public static ValidatableResponse postAs(String token, String name, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document(name));
        body.put("variables", vars);
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200);
    }
}
