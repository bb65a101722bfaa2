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

    /** POSTs the stored operation with variables (key, value, key, value, ...) and expects HTTP 200. */
    public static ValidatableResponse post(String name, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document(name));
        body.put("variables", vars);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200);
    }
}
