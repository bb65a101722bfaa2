package dev.cdrgateway.vobiz;

import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Upstream failures map to stable codes and never leak upstream bodies or credentials. */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class UpstreamErrorsTest extends UpstreamTest {

    @ParameterizedTest(name = "HTTP {0} -> {2}")
    @CsvSource({
            "401, errors/401, UPSTREAM_UNAUTHORIZED, false",
            "403, errors/401-standard, UPSTREAM_UNAUTHORIZED, false",
            "429, errors/429, UPSTREAM_RATE_LIMITED, true",
            "500, errors/401-standard, UPSTREAM_UNAVAILABLE, true",
            "503, errors/401-standard, UPSTREAM_UNAVAILABLE, true",
            "422, errors/401-standard, UPSTREAM_REJECTED, false"})
    void upstreamStatusMapsToAStableCode(int status, String body, String code, boolean retryable) {
        String leaky = Vendor.body(body).replace("}", ",\"secret\":\"upstream-internal-detail-42\"}");
        vobiz.stubFor(partnerGet("/cdrs").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(leaky)));

        String response = post("cdr/global-calls", "first", 5)
                .body("data.calls", nullValue())
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.retryable", equalTo(retryable))
                .body("errors[0].path[0]", equalTo("calls"))
                .extract().asString();

        assertThat(response, not(containsString("upstream-internal-detail-42")));
        assertThat(response, not(containsString(Vendor.PARTNER_TOKEN)));
        assertThat(response, not(containsString("dev.cdrgateway")));
        assertThat(response, not(containsString("java.")));
        assertThat(response, not(containsString("127.0.0.1")));
    }
}
