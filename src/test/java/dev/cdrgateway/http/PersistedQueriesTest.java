package dev.cdrgateway.http;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Automatic persisted queries as Apollo Client and urql speak them: the hash-only request, the
 * {@code PersistedQueryNotFound} round trip that registers the document, GET with the hash (HTTP-cacheable), and
 * one store per tenant.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class PersistedQueriesTest extends UpstreamTest {

    private static final String CUSTOMER = "query Customer($id: ID!) { customer(id: $id) { id name } }";

    /** A document no other test has registered: the stores live as long as the test application. */
    private static String uniqueViewerQuery() {
        return "query Me { viewer { tenant role } } # " + UUID.randomUUID();
    }

    /** A document and its SHA-256 as computed outside the JVM ({@code printf '%s' '<query>' | sha256sum}). */
    private static final String KNOWN_QUERY = "query KnownVector { viewer { tenant } }";
    private static final String KNOWN_QUERY_SHA256 = "def878bb5ac6a55b17271d9ab5b2feea9729785c548c2a5ed916d9ed651aa838";

    /**
     * The hash the way Apollo Client and urql compute it, independently of the gateway's code: SHA-256 of the exact
     * UTF-8 bytes of the query text, as lowercase hex.
     */
    static String clientHash(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql").then();
    }

    @Test
    void apolloRoundTripRegistersTheDocumentThenTheHashAloneRunsIt() {
        stubCustomerWithOwnToken();
        String hash = clientHash(CUSTOMER + " ");
        Map<String, Object> variables = Map.of("id", "MA_DEMO0001");
        String token = GraphQLClient.defaultToken();

        // 1. The client tries the hash alone: unknown, so the exact answer the client libraries look for
        post(token, Map.of("extensions", persisted(hash), "variables", variables))
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("errors[0].extensions.retryable", equalTo(true));
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        // 2. It resends with the document, which runs and is registered
        post(token, Map.of("query", CUSTOMER + " ", "extensions", persisted(hash), "variables", variables))
                .statusCode(200)
                .body("data.customer.name", equalTo("Demo Customer One"));

        // 3. From now on the hash alone is enough
        post(token, Map.of("extensions", persisted(hash), "variables", variables, "operationName", "Customer"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.customer.id", equalTo("MA_DEMO0001"))
                .body("data.customer.name", equalTo("Demo Customer One"));
    }

    @Test
    void aClientsHashOfAKnownDocumentIsAcceptedAndRunsIt() {
        // The test's own digest agrees with the known vector (SHA-256 of "abc" too), so it is a real oracle.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", clientHash("abc"));
        assertEquals(KNOWN_QUERY_SHA256, clientHash(KNOWN_QUERY));
        String token = GraphQLClient.defaultToken();

        // The gateway checks a sent hash against the document: a wrong digest would be a 400 here
        post(token, Map.of("query", KNOWN_QUERY, "extensions", persisted(KNOWN_QUERY_SHA256)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"));
        post(token, Map.of("extensions", persisted(KNOWN_QUERY_SHA256)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"));
    }

    @Test
    void theHashIsTakenOverTheUtf8BytesOfADocumentWithNonAsciiText() {
        String query = "query Accents { viewer { tenant } } # caf\u00e9 \u260e \u6771\u4eac " + UUID.randomUUID();
        String hash = clientHash(query);
        String token = GraphQLClient.defaultToken();

        post(token, Map.of("extensions", persisted(hash)))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        post(token, Map.of("query", query, "extensions", persisted(hash)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"));
        post(token, Map.of("extensions", persisted(hash)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.viewer.tenant", equalTo("acme"));
    }

    @Test
    void getWithTheHashRunsTheRegisteredQueryAndMayBeCachedPrivately() {
        String query = uniqueViewerQuery();
        String hash = PersistedQueries.sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        String token = GraphQLClient.defaultToken();

        given().auth().oauth2(token).queryParam("extensions", extensions).accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        // Apollo's useGETForHashedQueries registers with a GET carrying both
        given().auth().oauth2(token).queryParam("query", query).queryParam("extensions", extensions)
                .accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(200)
                .body("data.viewer.tenant", equalTo("acme"));
        given().auth().oauth2(token).queryParam("extensions", extensions).accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(200)
                .header("Cache-Control", "private, max-age=5")
                .header("Vary", containsString("Authorization"))
                .body("data.viewer.tenant", equalTo("acme"))
                .body("data.viewer.role", equalTo("PARTNER_ADMIN"));
    }

    @Test
    void eachTenantHasItsOwnStore() {
        String query = uniqueViewerQuery();
        String hash = PersistedQueries.sha256(query);
        post(Tokens.partnerAdmin("acme"), Map.of("query", query, "extensions", persisted(hash)))
                .statusCode(200)
                .body("data.viewer.tenant", equalTo("acme"));

        // globex cannot run, nor learn that acme uses, a document acme registered
        post(Tokens.partnerAdmin("globex"), Map.of("extensions", persisted(hash)))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        post(Tokens.partnerAdmin("acme"), Map.of("extensions", persisted(hash)))
                .statusCode(200)
                .body("data.viewer.tenant", equalTo("acme"));
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndRegistersNothing() {
        String query = uniqueViewerQuery();
        String otherHash = PersistedQueries.sha256(query + " ");
        String token = GraphQLClient.defaultToken();

        post(token, Map.of("query", query, "extensions", persisted(otherHash)))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("is not the SHA-256 of `query`"));
        post(token, Map.of("extensions", persisted(otherHash)))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void documentsThatFailTheChecksAreNotRegistered() {
        String broken = "query Broken { viewer { tenant } " + UUID.randomUUID();
        String hash = PersistedQueries.sha256(broken);
        String token = GraphQLClient.defaultToken();

        post(token, Map.of("query", broken, "extensions", persisted(hash)))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        post(token, Map.of("extensions", persisted(hash)))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void malformedExtensionsAreClearErrors() {
        String token = GraphQLClient.defaultToken();
        String hash = PersistedQueries.sha256("{ viewer { tenant } }");

        post(token, Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash))))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("\"version\": 1"));
        post(token, Map.of("extensions", persisted(hash.toUpperCase())))
                .statusCode(400)
                .body("errors[0].message", containsString("64 lowercase hex digits"));
        post(token, Map.of("extensions", "persisted"))
                .statusCode(400)
                .body("errors[0].message", equalTo("`extensions` must be a JSON object"));
        given().auth().oauth2(token).queryParam("extensions", "{not json").accept(ContentType.JSON)
                .when().get("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("`extensions` must be a JSON object"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void graphqlResponseJsonClientsGetNotFoundAs400() {
        String hash = PersistedQueries.sha256(uniqueViewerQuery());
        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON)
                .accept("application/graphql-response+json").body(Map.of("extensions", persisted(hash)))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));
    }
}
