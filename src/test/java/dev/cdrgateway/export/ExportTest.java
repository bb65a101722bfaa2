package dev.cdrgateway.export;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cdrgateway.testsupport.Csv;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code GET /export/calls.csv} against WireMock: the exact upstream calls of both routes (account CSV export,
 * list pages), identical output whichever route served it, CSV quoting and the formula guard, error mapping
 * before the first byte, an aborted connection after it, and every refusal without an upstream call.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class ExportTest extends UpstreamTest {

    private static final String OWN = "MA_DEMO0001";
    private static final String OTHER = "MA_DEMO0002";
    private static final String DAY = "fromDate=2026-03-25&toDate=2026-03-25";
    private static final String ADMIN = Tokens.partnerAdmin("acme");
    private static final List<String> COLUMNS = List.of("uuid", "record_id", "customer_id", "direction", "status",
            "caller_name", "caller_number", "callee_number", "started_at", "progress_at", "answered_at", "ended_at",
            "duration_seconds", "ring_seconds", "talk_seconds", "billable_seconds", "cost", "streaming_cost",
            "total_cost", "currency", "hangup_cause", "hangup_raw_cause", "hangup_meaning", "hangup_code",
            "hangup_name", "hangup_disposition", "hangup_source", "failure_code", "failure_reason", "mos", "jitter_ms",
            "packet_loss_percent", "codec", "has_media", "degraded", "sip_call_id", "sip_user_agent", "bridge_uuid",
            "network_address", "carrier_ip", "customer_endpoint", "terminated_to", "context", "region",
            "origination_region", "campaign_id", "trunk_id", "record_created_at", "record_updated_at");

    @Test
    void customerWithOwnCredentialsIsStreamedFromTheAccountExport() {
        stubCustomerWithOwnToken();
        stubAccountExport(csv(exportFixture()));

        ExtractableResponse<Response> response = export(ADMIN, "customerId=" + OWN + "&" + DAY + "&direction=INBOUND");

        assertEquals(200, response.statusCode());
        assertEquals("text/csv; charset=utf-8", response.header("Content-Type"));
        assertEquals("attachment; filename=\"calls-MA_DEMO0001-2026-03-25-2026-03-25.csv\"",
                response.header("Content-Disposition"));
        List<List<String>> records = Csv.parse(response.asString());
        assertEquals(COLUMNS, records.get(0));
        List<Map<String, String>> rows = Csv.rows(response.asString());
        assertEquals(7, rows.size());
        Map<String, String> poor = rows.get(1);
        assertEquals("d0000000-0000-4000-8000-000000000006", poor.get("uuid"));
        assertEquals("ANSWERED", poor.get("status"));
        assertEquals("INBOUND", poor.get("direction"));
        assertEquals("2026-03-25T11:00:05Z", poor.get("answered_at"));
        assertEquals("0.9", poor.get("total_cost"));
        assertEquals("INR", poor.get("currency"));
        assertEquals("true", poor.get("degraded"));
        assertEquals("+918000000053", poor.get("caller_number"));
        assertEquals("NO_ANSWER", rows.get(0).get("status"));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr/export"))
                .withHeader("X-Auth-ID", equalTo(OWN))
                .withQueryParam("start_date", equalTo("2026-03-25"))
                .withQueryParam("end_date", equalTo("2026-03-25"))
                .withQueryParam("call_direction", equalTo("inbound"))
                .withQueryParam("page", absent())
                .withQueryParam("per_page", absent()));
        vobiz.verify(0, getRequestedFor(urlPathMatching(".*/cdr(s|/search)?")));
    }

    @Test
    void bothRoutesProduceTheSameCsvForTheSameCalls() {
        stubCustomerWithOwnToken();
        stubAccountExport(csv(exportFixture()));
        String viaAccountExport = export(ADMIN, "customerId=" + OWN + "&" + DAY).asString();

        resetUpstream();
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/" + OWN + "/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        String viaPartnerPages = export(ADMIN, "customerId=" + OWN + "&" + DAY).asString();

        assertEquals(viaAccountExport, viaPartnerPages);
        assertEquals(8, Csv.parse(viaPartnerPages).size());
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/" + OWN + "/cdrs"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("start_date", equalTo("2026-03-25")));
        vobiz.verify(0, getRequestedFor(urlPathMatching("/api/v1/Account/.*")));
    }

    @Test
    void awkwardValuesAreQuotedAndSpreadsheetFormulasDefused() {
        stubCustomerWithOwnToken();
        // Columns reordered and an unknown one added; values with quotes, commas, line breaks, formulas, UTF-8.
        String body = "currency,uuid,extra_column,caller_id_name,account_id,failure_reason,caller_id_number,"
                + "destination_number,billsec,hangup_cause,cost,sip_user_agent\r\n"
                + "INR,u-1,whatever,\"Smith, \"\"Bob\"\"\nsecond line\",MA_DEMO0001,\"=HYPERLINK(\"\"http://evil\"\")\","
                + "+918000000001,-12,0,USER_BUSY,-0.50,@SUM(A1)\r\n"
                + "INR,u-2,,Zoë Ünïcode,MA_DEMO0001,,+918000000002,+1 (555) 000,30,NORMAL_CLEARING,0.45,";
        // Dribbled in small chunks, so quoted fields and UTF-8 characters are split across reads.
        stubAccountExport(aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body)
                .withChunkedDribbleDelay(23, 40));

        String csv = export(ADMIN, "customerId=" + OWN).asString();

        List<Map<String, String>> rows = Csv.rows(csv);
        assertEquals(2, rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals("Smith, \"Bob\"\nsecond line", first.get("caller_name"));
        assertEquals("'=HYPERLINK(\"http://evil\")", first.get("failure_reason"));
        assertEquals("'@SUM(A1)", first.get("sip_user_agent"));
        assertEquals("+918000000001", first.get("caller_number"));
        assertEquals("-12", first.get("callee_number"));
        assertEquals("-0.50", first.get("cost"));
        assertEquals("BUSY", first.get("status"));
        Map<String, String> second = rows.get(1);
        assertEquals("Zoë Ünïcode", second.get("caller_name"));
        assertEquals("'+1 (555) 000", second.get("callee_number"));
        assertEquals("ANSWERED", second.get("status"));
        assertEquals("", second.get("sip_user_agent"));
        assertThat(csv, containsString("\"Smith, \"\"Bob\"\"\nsecond line\""));
    }

    @Test
    void partnerWideExportPagesThroughTheGlobalLogInOrder() {
        for (int page = 1; page <= 3; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(json(Vendor.generatedCdrPage(250, page, 100))));
        }

        ExtractableResponse<Response> response = export(ADMIN, "status=ANSWERED");

        assertEquals(200, response.statusCode());
        assertEquals("attachment; filename=\"calls-partner-all-all.csv\"", response.header("Content-Disposition"));
        List<Map<String, String>> rows = Csv.rows(response.asString());
        assertEquals(250, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Vendor.generatedUuid(i), rows.get(i).get("uuid"));
        }
        for (int page = 1; page <= 3; page++) {
            vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                    .withQueryParam("page", equalTo(Integer.toString(page)))
                    .withQueryParam("per_page", equalTo("100"))
                    .withQueryParam("status", equalTo("answered")));
        }
        vobiz.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void rowsShiftedAcrossAPageBoundaryByNewCallsAreNotRepeated() {
        // Page 2 was read after two new calls arrived: its first two rows are the last two of page 1.
        String page2 = Vendor.generatedCdrPage(152, 2, 100).replace(Vendor.generatedUuid(100), Vendor.generatedUuid(98))
                .replace(Vendor.generatedUuid(101), Vendor.generatedUuid(99));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", equalTo("1"))
                .willReturn(json(Vendor.generatedCdrPage(150, 1, 100))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", equalTo("2")).willReturn(json(page2)));

        List<Map<String, String>> rows = Csv.rows(export(ADMIN, "").asString());

        assertEquals(150, rows.size());
        assertEquals(150, rows.stream().map(r -> r.get("uuid")).distinct().count());
    }

    @Test
    void upstreamErrorsBeforeTheFirstByteAreJsonWithTheGraphQLCodes() {
        stubCustomerWithOwnToken();
        assertUpstreamError(aResponse().withStatus(401).withBody(Vendor.body("errors/401")), 502, "UPSTREAM_UNAUTHORIZED");
        assertUpstreamError(aResponse().withStatus(403), 502, "UPSTREAM_UNAUTHORIZED");
        ExtractableResponse<Response> limited = assertUpstreamError(
                aResponse().withStatus(429).withHeader("Retry-After", "30"), 429, "UPSTREAM_RATE_LIMITED");
        assertEquals("30", limited.header("Retry-After"));
        assertUpstreamError(aResponse().withStatus(503), 503, "UPSTREAM_UNAVAILABLE");
        // 503 is retried like every idempotent read: three attempts in all.
        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr/export")));

        resetUpstream();
        vobiz.stubFor(partnerGet("/accounts/MA_NOPE0001").willReturn(aResponse().withStatus(404)));
        ExtractableResponse<Response> missing = export(ADMIN, "customerId=MA_NOPE0001");
        assertEquals(404, missing.statusCode());
        assertEquals("NOT_FOUND", missing.path("errors[0].extensions.code"));
    }

    private ExtractableResponse<Response> assertUpstreamError(ResponseDefinitionBuilder upstream, int status, String code) {
        vobiz.resetRequests();
        stubAccountExport(upstream);
        ExtractableResponse<Response> response = export(ADMIN, "customerId=" + OWN);
        assertEquals(status, response.statusCode(), code);
        assertThat(response.header("Content-Type"), containsString("application/json"));
        assertEquals(code, response.path("errors[0].extensions.code"));
        assertThat(response.asString(), not(containsString(Vendor.CUSTOMER_TOKEN)));
        return response;
    }

    @Test
    void aFailureAfterTheFirstPageAbortsTheDownloadInsteadOfEndingIt() {
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", equalTo("1"))
                .willReturn(json(Vendor.generatedCdrPage(250, 1, 100))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", equalTo("2")).willReturn(aResponse().withStatus(500)));

        assertThrows(IOException.class, () -> rawExport(ADMIN, ""));

        vobiz.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")).withQueryParam("page", equalTo("3")));
    }

    @Test
    void aTruncatedAccountExportAbortsTheDownload() {
        stubCustomerWithOwnToken();
        // Upstream's body ends inside a quoted field: rows were already sent, so the download must break.
        String truncated = exportFixture() + "19000000,d0000000-0000-4000-8000-000000000000,MA_DEMO0001,\"cut off";
        stubAccountExport(csv(truncated).withChunkedDribbleDelay(8, 200));

        assertThrows(IOException.class, () -> rawExport(ADMIN, "customerId=" + OWN));
    }

    @Test
    void aBrokenAccountExportBeforeItsHeadersIsAJsonError() {
        stubCustomerWithOwnToken();
        stubAccountExport(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        ExtractableResponse<Response> response = export(ADMIN, "customerId=" + OWN);

        assertEquals(503, response.statusCode(), response.asString());
        assertEquals("UPSTREAM_UNAVAILABLE", response.path("errors[0].extensions.code"));
    }

    @Test
    void badInputIsRefusedBeforeAnyUpstreamCall() {
        assertBadInput("fromDate=2026-02-30", "`filter.fromDate` must be a real calendar date written YYYY-MM-DD");
        assertBadInput("fromDate=2026-03-25&toDate=2026-03-01", "`filter.toDate` (2026-03-01) is before `filter.fromDate`");
        assertBadInput("toDate=2026-03-01", "`filter.toDate` requires `filter.fromDate`");
        assertBadInput("direction=SIDEWAYS", "`filter.direction` must be one of [INBOUND, OUTBOUND]");
        assertBadInput("minDurationSeconds=ten", "`filter.minDurationSeconds` must be an integer");
        assertBadInput("callerNumber=12ab", "`filter.callerNumber` must be digits");
        assertBadInput("fromdate=2026-03-01", "Unknown query parameter `fromdate`");
        assertBadInput("customerId=MA_1&customerId=MA_2", "`customerId` was given more than once");
        assertBadInput("customerId=../x", "`customerId` must be a Vobiz customer auth id");
        assertBadInput("scope=everything", "`scope` must be customer or partner");
        assertBadInput("scope=partner&customerId=" + OWN, "cannot be combined with scope=partner");
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    private void assertBadInput(String query, String message) {
        ExtractableResponse<Response> response = export(ADMIN, query);
        assertEquals(400, response.statusCode(), query);
        assertEquals("BAD_USER_INPUT", response.path("errors[0].extensions.code"));
        assertEquals(false, response.path("errors[0].extensions.retryable"));
        assertThat(response.path("errors[0].message"), containsString(message));
    }

    @Test
    void aCustomerCannotExportAnotherCustomerWhichLooksLikeAnUnknownId() {
        ExtractableResponse<Response> other = export(Tokens.customer("acme", OWN), "customerId=" + OTHER);
        assertEquals(404, other.statusCode());
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        vobiz.stubFor(partnerGet("/accounts/MA_NOPE0001").willReturn(aResponse().withStatus(404)));
        ExtractableResponse<Response> missing = export(ADMIN, "customerId=MA_NOPE0001");
        assertEquals(404, missing.statusCode());
        assertEquals(missing.asString().replace("MA_NOPE0001", "<id>"), other.asString().replace(OTHER, "<id>"));
    }

    @Test
    void aCustomerExportsItsOwnCallsByDefaultButNeverThePartnerLog() {
        ExtractableResponse<Response> partnerWide = export(Tokens.customer("acme", OWN), "scope=partner");
        assertEquals(403, partnerWide.statusCode());
        assertEquals("FORBIDDEN", partnerWide.path("errors[0].extensions.code"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        stubCustomerWithOwnToken();
        stubAccountExport(csv(exportFixture()));
        ExtractableResponse<Response> own = export(Tokens.customer("acme", OWN), DAY);
        assertEquals(200, own.statusCode());
        assertEquals("attachment; filename=\"calls-MA_DEMO0001-2026-03-25-2026-03-25.csv\"",
                own.header("Content-Disposition"));
        assertEquals(7, Csv.rows(own.asString()).size());
    }

    @Test
    void anotherPartnerCannotExportAcmesCustomerAndOnlyItsOwnCredentialsAreUsed() {
        stubCustomerWithOwnToken(); // acme's record: matched only with acme's partner credentials
        stubAccountExport(csv(exportFixture()));
        String globex = Tokens.token().whitelabel().tenant("globex").role("partner-admin").sign();

        ExtractableResponse<Response> response = export(globex, "customerId=" + OWN);

        assertEquals(404, response.statusCode());
        assertEquals("NOT_FOUND", response.path("errors[0].extensions.code"));
        vobiz.verify(0, anyRequestedFor(anyUrl()).withHeader("X-Auth-ID", equalTo(Vendor.PARTNER_ID)));
        vobiz.verify(0, anyRequestedFor(urlPathMatching("/api/v1/Account/.*")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", equalTo("PA_TEST0002")));
    }

    @Test
    void withoutATokenTheAnswerIs401JsonAndNothingIsCalled() {
        Response response = given().get(ExportRoutes.PATH);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        assertEquals("UNAUTHENTICATED", response.path("errors[0].extensions.code"));

        assertEquals(401, export(Tokens.token().tenant("acme").role("partner-admin").signedWith("rogue").sign(), "")
                .statusCode());
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    private static ExtractableResponse<Response> export(String token, String query) {
        return given().auth().oauth2(token).urlEncodingEnabled(false)
                .get(ExportRoutes.PATH + (query.isEmpty() ? "" : "?" + query)).then().extract();
    }

    /** Downloads with the JDK client, which fails on an incomplete chunked body (unlike a lenient reader). */
    private static String rawExport(String token, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + ExportRoutes.PATH + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private void stubAccountExport(ResponseDefinitionBuilder response) {
        vobiz.stubFor(accountGet(OWN, "/export").willReturn(response));
    }

    private static ResponseDefinitionBuilder csv(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body);
    }

    private static String exportFixture() {
        try (InputStream in = ExportTest.class.getResourceAsStream("/vendor/account-cdr-export/day.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
