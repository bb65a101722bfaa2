package dev.cdrgateway.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code CallConnection.appliedFilter}: the search endpoint's own echo where it has one (and what it contradicts),
 * the sent parameters elsewhere, and the pass-through criteria an endpoint does not guarantee.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class AppliedFilterTest extends UpstreamTest {

    @Test
    void theSearchEchoIsReportedAndAFilterItDidNotApplyIsNamed() {
        stubCustomerWithOwnToken();
        ObjectNode body = Vendor.json("account-cdr-search/outbound");
        ((ObjectNode) body.get("filters")).put("call_direction", "").put("to_number", "0000");
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(Vendor.text(body))));

        post("examples/applied-filter", "id", "MA_DEMO0001",
                "filter", Map.of("direction", "OUTBOUND", "calleeNumber", "0000", "fromDate", "2026-03-01"))
                .body("errors", nullValue())
                .body("data.customer.calls.appliedFilter.endpoint", equalTo("ACCOUNT_SEARCH"))
                .body("data.customer.calls.appliedFilter.echoed", equalTo(true))
                .body("data.customer.calls.appliedFilter.direction", nullValue())
                .body("data.customer.calls.appliedFilter.calleeNumber", equalTo("0000"))
                .body("data.customer.calls.appliedFilter.fromDate", equalTo("2026-03-01"))
                .body("data.customer.calls.appliedFilter.notApplied", contains("DIRECTION"))
                .body("data.customer.calls.appliedFilter.notGuaranteed", empty());
    }

    @Test
    void onThePartnerApiTheSentParametersAreReportedWithThePassThroughOnes() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(Vendor.body("partner-global-cdrs/page"))));

        post("analytics/global-calls-applied", "filter",
                Map.of("status", "ANSWERED", "callerNumber", "+9180", "maxDurationSeconds", 60))
                .body("errors", nullValue())
                .body("data.calls.appliedFilter.endpoint", equalTo("PARTNER_CDRS"))
                .body("data.calls.appliedFilter.echoed", equalTo(false))
                .body("data.calls.appliedFilter.status", equalTo("ANSWERED"))
                .body("data.calls.appliedFilter.callerNumber", equalTo("+9180"))
                .body("data.calls.appliedFilter.maxDurationSeconds", equalTo(60))
                .body("data.calls.appliedFilter.notGuaranteed", contains("MAX_DURATION_SECONDS", "CALLER_NUMBER"))
                .body("data.calls.appliedFilter.notApplied", empty());
    }

    @Test
    void anUnfilteredListAppliedNothing() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("examples/applied-filter", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.calls.appliedFilter.endpoint", equalTo("ACCOUNT_LIST"))
                .body("data.customer.calls.appliedFilter.echoed", equalTo(false))
                .body("data.customer.calls.appliedFilter.fromDate", nullValue())
                .body("data.customer.calls.appliedFilter.direction", nullValue())
                .body("data.customer.calls.appliedFilter.notGuaranteed", empty());
    }
}
