package dev.cdrgateway.vobiz;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Credentials come from a directory of files, as a mounted Kubernetes Secret provides them, and rotate without
 * a restart: the next re-read of the directory (every {@code gateway.credentials-refresh}; triggered directly
 * here) switches every upstream call to the new values.
 */
@QuarkusTest
@TestProfile(CredentialRotationTest.SecretDirectoryProfile.class)
@WithTestResource(VobizWireMockResource.class)
class CredentialRotationTest extends UpstreamTest {

    static final Path DIR = createDirectory();

    @Inject
    CredentialStore credentials;

    /** Tenant {@code initech} exists only in the directory; refresh is long so only the test triggers it. */
    public static class SecretDirectoryProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.credentials-dir", DIR.toString(), "gateway.credentials-refresh", "PT1H");
        }
    }

    private static Path createDirectory() {
        try {
            Path dir = Files.createTempDirectory("cdr-gateway-secrets");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void writeInitialSecret() throws IOException {
        Files.writeString(DIR.resolve("initech.partner.auth-id"), "PA_INITECH1\n");
        Files.writeString(DIR.resolve("initech.partner.auth-token"), "initech-token-v1\n");
        Files.deleteIfExists(DIR.resolve("initech.customer.MA_DEMO0001.auth-token"));
        credentials.reload();
    }

    @Test
    void aRotatedPartnerTokenIsUsedAfterTheNextReload() throws IOException {
        stubAccounts("initech-token-v1", "initech-token-v2");

        postAs(partnerAdmin("initech"), "customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));

        Files.writeString(DIR.resolve("initech.partner.auth-token"), "initech-token-v2\n");
        credentials.reload();

        // Another page size: a different upstream read, not the cached answer of the first one.
        postAs(partnerAdmin("initech"), "customer/customers", "first", 7)
                .body("errors", nullValue());
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withHeader("X-Auth-Token", WireMock.equalTo("initech-token-v1")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withHeader("X-Auth-Token", WireMock.equalTo("initech-token-v2")));
    }

    @Test
    void removingTheSecretMakesTheTenantUnconfigured() throws IOException {
        Files.delete(DIR.resolve("initech.partner.auth-token"));
        credentials.reload();

        postAs(partnerAdmin("initech"), "customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("TENANT_NOT_CONFIGURED"));
    }

    @Test
    void aCustomerTokenFileRoutesThatCustomerToTheAccountApi() throws IOException {
        Files.writeString(DIR.resolve("initech.customer.MA_DEMO0001.auth-token"), "initech-customer-token\n");
        credentials.reload();
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr"))
                .withHeader("X-Auth-ID", WireMock.equalTo("MA_DEMO0001"))
                .withHeader("X-Auth-Token", WireMock.equalTo("initech-customer-token"))
                .willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        postAs(partnerAdmin("initech"), "summary/call-summary", "customerId", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.callSummary.totalCalls", equalTo(7));
        // Configured customer credentials need no partner lookup of the customer record.
        vobiz.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
    }

    private void stubAccounts(String... tokens) {
        for (String token : tokens) {
            vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts"))
                    .withHeader("X-Auth-ID", WireMock.equalTo("PA_INITECH1"))
                    .withHeader("X-Auth-Token", WireMock.equalTo(token))
                    .willReturn(json(Vendor.body("partner-customers/list"))));
        }
    }
}
