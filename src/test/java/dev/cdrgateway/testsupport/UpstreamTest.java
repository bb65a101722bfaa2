package dev.cdrgateway.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.cdrgateway.resilience.StaleCopies;
import io.quarkus.cache.CacheManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Base of tests that run the gateway against WireMock: resets stubs, the request journal and caches before
 * each test, and closes every circuit breaker, so every test starts from a cold gateway and proves its own
 * upstream traffic.
 */
public abstract class UpstreamTest {

    @InjectWireMock
    protected WireMockServer vobiz;

    @Inject
    CacheManager caches;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    Instance<StaleCopies> staleCopies;

    @BeforeEach
    protected void resetUpstream() {
        vobiz.resetAll();
        for (String name : caches.getCacheNames()) {
            caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely();
        }
        staleCopies.destroy(staleCopies.get()); // a new store, without the last test's copies
        breakers.resetAll();
    }

    /** A JSON 200 response with the given body. */
    protected static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A GET on a partner API path authenticated with the test partner's credentials. */
    protected static MappingBuilder partnerGet(String path) {
        return get(urlPathEqualTo("/api/v1/partner" + path))
                .withHeader("X-Auth-ID", equalTo(Vendor.PARTNER_ID))
                .withHeader("X-Auth-Token", equalTo(Vendor.PARTNER_TOKEN));
    }

    /** A GET on an account API path authenticated with the fixture customer's own credentials. */
    protected static MappingBuilder accountGet(String customerId, String path) {
        return get(urlPathEqualTo("/api/v1/Account/" + customerId + "/cdr" + path))
                .withHeader("X-Auth-ID", equalTo(customerId))
                .withHeader("X-Auth-Token", equalTo(Vendor.CUSTOMER_TOKEN));
    }

    /** Stubs the partner record of MA_DEMO0001 (which carries its own auth_token, so reads go to the account API). */
    protected void stubCustomerWithOwnToken() {
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001").willReturn(json(Vendor.body("partner-customer/get"))));
    }

    /** Stubs the partner record of MA_DEMO0001 without an auth_token, so reads go to the partner API. */
    protected void stubCustomerWithoutToken() {
        var record = Vendor.json("partner-customer/get");
        record.remove("auth_token");
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001").willReturn(json(Vendor.text(record))));
    }
}
