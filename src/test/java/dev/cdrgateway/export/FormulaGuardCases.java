package dev.cdrgateway.export;

import dev.cdrgateway.testsupport.Csv;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The table of the formula guard tests ({@link FormulaGuardTest}, {@link FormulaGuardOffTest}): caller names as
 * Vobiz sends them in the account CSV export, and how the gateway's export must show each with the guard on.
 */
abstract class FormulaGuardCases extends UpstreamTest {

    static final String OWN = "MA_DEMO0001";

    /** A caller name as Vobiz sends it, and the cell the guarded export must hold. */
    record Case(String sent, String guarded) {
    }

    static final List<Case> CASES = List.of(
            new Case("=1+2", "'=1+2"),
            new Case("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
            new Case("+SUM(A1:A9)", "'+SUM(A1:A9)"),
            new Case("-2+3", "'-2+3"),
            new Case("@SUM(A1)", "'@SUM(A1)"),
            new Case("\t=1+2", "'\t=1+2"),
            new Case("\r=1+2", "'\r=1+2"),
            new Case("+1e5", "'+1e5"),
            // plain numbers can only be read as numbers: E.164 numbers and negative amounts stay as they are
            new Case("+918000000001", "+918000000001"),
            new Case("-12", "-12"),
            new Case("-0.50", "-0.50"),
            // a trigger anywhere but first is harmless
            new Case("Alice = Bob", "Alice = Bob"),
            new Case("a+b-c@d", "a+b-c@d"));

    /** One export row per case, the value as the caller name, quoted as RFC 4180 wants. */
    static String upstreamCsv() {
        StringBuilder body = new StringBuilder("uuid,account_id,caller_id_name,hangup_cause\r\n");
        for (int i = 0; i < CASES.size(); i++) {
            body.append("u-").append(i).append(',').append(OWN).append(",\"")
                    .append(CASES.get(i).sent().replace("\"", "\"\"")).append("\",NORMAL_CLEARING\r\n");
        }
        return body.toString();
    }

    /** The caller_name cell of every row of the export, in row order. */
    List<String> exportedCallerNames() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "/export").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv").withBody(upstreamCsv())));
        ExtractableResponse<Response> response = given().auth().oauth2(Tokens.partnerAdmin("acme"))
                .get(ExportRoutes.PATH + "?customerId=" + OWN).then().extract();
        assertEquals(200, response.statusCode(), response.asString());
        List<Map<String, String>> rows = Csv.rows(response.asString());
        assertEquals(CASES.size(), rows.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals("u-" + i, rows.get(i).get("uuid"), "rows keep Vobiz's order");
            names.add(rows.get(i).get("caller_name"));
        }
        return names;
    }

    static String printable(String text) {
        return "\"" + text.replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
}
