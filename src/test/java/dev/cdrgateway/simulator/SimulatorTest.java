package dev.cdrgateway.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The simulated Vobiz upstream as the gateway (or a person with curl) sees it: credentials are enforced,
 * paging and filters behave as documented, summaries agree with the rows, and bodies have the fixture
 * wire shapes.
 */
@QuarkusTest
@TestProfile(SimulatedUpstreamProfile.class)
class SimulatorTest {

    private static final String PARTNER = "/sim/api/v1/partner";
    private static final String ACCOUNT = "/sim/api/v1/Account";
    private static final String PARTNER_ID = "PA_SIMULATOR";
    private static final String PARTNER_TOKEN = "sim-partner-token";
    private static final JsonPathConfig DECIMALS =
            new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    // --- partner credentials ---------------------------------------------------------------------

    @Test
    void rejectsPartnerCallsWithoutOrWithWrongCredentials() {
        given().get(PARTNER + "/accounts")
                .then().statusCode(401).body("error.code", equalTo(401));
        given().header("X-Auth-ID", PARTNER_ID).header("X-Auth-Token", "wrong")
                .get(PARTNER + "/cdrs")
                .then().statusCode(401).body("error.message", equalTo("Invalid token"));
        given().header("X-Auth-ID", "MA_SIM00001").header("X-Auth-Token", customerToken("MA_SIM00001"))
                .get(PARTNER + "/accounts/MA_SIM00001/cdrs")
                .then().statusCode(401);
    }

    // --- customers -------------------------------------------------------------------------------

    @Test
    void pagesThroughAllCustomers() {
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= 3; page++) {
            JsonPath body = json(partner().queryParam("page", page).queryParam("per_page", 3)
                    .get(PARTNER + "/accounts"));
            assertEquals(8, body.getInt("total"));
            assertEquals(page, body.getInt("page"));
            assertEquals(3, body.getInt("size"));
            assertEquals(page < 3 ? 3 : 2, body.getList("accounts").size());
            seen.addAll(body.getList("accounts.auth_id", String.class));
        }
        assertEquals(Set.of("MA_SIM00001", "MA_SIM00002", "MA_SIM00003", "MA_SIM00004", "MA_SIM00005",
                "MA_SIM00006", "MA_SIM00007", "MA_SIM00008"), seen);

        partner().queryParam("size", 5).get(PARTNER + "/accounts")
                .then().statusCode(200).body("accounts", hasSize(5)).body("size", equalTo(5));
    }

    @Test
    void searchesCustomersByNameEmailOrId() {
        Map<String, Object> second = customer("MA_SIM00002");
        String emailPart = ((String) second.get("email")).split("@")[1].toUpperCase();
        String namePart = ((String) second.get("name")).split(" ")[1].toLowerCase();

        List<Map<String, Object>> byEmail = json(partner().queryParam("search", emailPart)
                .get(PARTNER + "/accounts")).getList("accounts");
        assertTrue(byEmail.stream().anyMatch(c -> c.get("auth_id").equals("MA_SIM00002")));
        byEmail.forEach(c -> assertTrue(((String) c.get("email")).toUpperCase().contains(emailPart)));

        List<Map<String, Object>> byName = json(partner().queryParam("search", namePart)
                .get(PARTNER + "/accounts")).getList("accounts");
        assertTrue(byName.stream().anyMatch(c -> c.get("auth_id").equals("MA_SIM00002")));

        partner().queryParam("search", "MA_SIM00003").get(PARTNER + "/accounts")
                .then().body("total", equalTo(1)).body("accounts[0].auth_id", equalTo("MA_SIM00003"));
        partner().queryParam("search", "no-such-customer").get(PARTNER + "/accounts")
                .then().body("total", equalTo(0)).body("accounts", hasSize(0));
    }

    @Test
    void servesCustomerRecordsInTheNewerAccountShape() {
        partner().get(PARTNER + "/accounts/MA_SIM00001")
                .then().statusCode(200)
                .body("auth_id", equalTo("MA_SIM00001"))
                .body("cash_credits", matchesPattern("\\d+\\.\\d{5}"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"))
                .body("email", matchesPattern(".+@.+\\.demo\\.example"))
                .body("phone", matchesPattern("\\+\\d{10,13}"))
                .body("pricing_tier.currency", equalTo("INR"))
                .body("auth_token", matchesPattern("simtok-[0-9a-f]{32}"))
                .body("resource_uri", equalTo("/v1/Account/MA_SIM00001/"));
        // Every 4th customer withholds its token, so the gateway must use the partner API for it.
        partner().get(PARTNER + "/accounts/MA_SIM00004").then().statusCode(200).body("auth_token", nullValue());
        partner().get(PARTNER + "/accounts/MA_SIM00007").then().body("pricing_tier.currency", equalTo("USD"));
        partner().get(PARTNER + "/accounts/MA_SIM00006").then().body("is_active", equalTo(false));
        partner().get(PARTNER + "/accounts/MA_SIM09999").then().statusCode(404);
    }

    // --- partner CDRs ----------------------------------------------------------------------------

    @Test
    void paginatesCustomerCdrsConsistently() {
        int perPage = 7;
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> firstSummary = null;
        int total = -1;
        int pages = Integer.MAX_VALUE;
        for (int page = 1; page <= pages; page++) {
            JsonPath body = json(partner().queryParam("page", page).queryParam("per_page", perPage)
                    .get(PARTNER + "/accounts/MA_SIM00001/cdrs"));
            assertTrue(body.getBoolean("success"));
            assertEquals("MA_SIM00001", body.getString("account_id"));
            assertEquals("MA_SIM00001", body.getString("account_auth_id"));
            List<Map<String, Object>> data = body.getList("data");
            assertEquals(body.getInt("count"), data.size());
            total = body.getInt("pagination.total");
            pages = body.getInt("pagination.pages");
            assertEquals((total + perPage - 1) / perPage, pages);
            assertEquals(page < pages, body.getBoolean("pagination.has_next"));
            assertEquals(page > 1, body.getBoolean("pagination.has_prev"));
            assertEquals(perPage, body.getInt("pagination.per_page"));
            if (firstSummary == null) {
                firstSummary = body.getMap("summary");
            }
            assertEquals(firstSummary, body.getMap("summary"), "summary covers the whole set on every page");
            rows.addAll(data);
        }
        assertTrue(total > 20, "enough calls to page through");
        assertEquals(total, rows.size());
        assertEquals(total, rows.stream().map(r -> r.get("uuid")).distinct().count());
        rows.forEach(r -> assertEquals("MA_SIM00001", r.get("account_id")));
        assertNewestFirst(rows);
        rows.forEach(SimulatorTest::assertCdrInvariants);

        partner().queryParam("per_page", 500).get(PARTNER + "/accounts/MA_SIM00001/cdrs")
                .then().body("pagination.per_page", equalTo(100));
        partner().get(PARTNER + "/accounts/MA_SIM09999/cdrs").then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "call_direction, inbound",
        "call_direction, outbound",
        "status, answered",
        "status, busy",
        "status, no_answer",
        "status, failed",
        "hangup_cause, NO_ANSWER",
        "min_duration, 120",
        "max_duration, 5",
        "context, sip-trunking",
        "start_date, 2026-03-23",
        "end_date, 2026-03-17",
    })
    void everyPartnerFilterNarrowsTheGlobalLog(String parameter, String value) {
        int unfiltered = json(partner().get(PARTNER + "/cdrs")).getInt("pagination.total");
        List<Map<String, Object>> rows =
                allPages(() -> partner().queryParam(parameter, value), PARTNER + "/cdrs");

        assertFalse(rows.isEmpty(), "the dataset has matches");
        assertTrue(rows.size() < unfiltered, "the filter removed rows");
        rows.forEach(row -> assertTrue(partnerFilter(parameter, value).test(row), () -> row + " violates filter"));
    }

    @Test
    void numberAndTextFiltersMatchSubstrings() {
        Map<String, Object> sample = json(partner().queryParam("call_direction", "outbound")
                .get(PARTNER + "/accounts/MA_SIM00002/cdrs")).getMap("data[0]");
        String from = ((String) sample.get("caller_id_number")).substring(3, 9);
        String to = ((String) sample.get("destination_number")).substring(4);
        String uuidPart = ((String) sample.get("uuid")).substring(0, 13).toUpperCase();
        String customerCdrs = PARTNER + "/accounts/MA_SIM00002/cdrs";
        int unfiltered = json(partner().get(customerCdrs)).getInt("pagination.total");

        List<Map<String, Object>> byFrom =
                allPages(() -> partner().queryParam("from_number", from), customerCdrs);
        assertTrue(byFrom.size() < unfiltered && !byFrom.isEmpty());
        byFrom.forEach(r -> assertTrue(((String) r.get("caller_id_number")).contains(from)));

        List<Map<String, Object>> byTo = allPages(() -> partner().queryParam("to_number", to), customerCdrs);
        assertTrue(byTo.size() < unfiltered && !byTo.isEmpty());
        byTo.forEach(r -> assertTrue(((String) r.get("destination_number")).contains(to)));

        List<Map<String, Object>> bySearch =
                allPages(() -> partner().queryParam("search", uuidPart), customerCdrs);
        assertEquals(List.of(sample.get("uuid")), bySearch.stream().map(r -> r.get("uuid")).toList());
    }

    @Test
    void classifiesStatusFromBillsecThenHangupCause() {
        int total = json(partner().get(PARTNER + "/cdrs")).getInt("pagination.total");
        int sum = 0;
        for (String status : List.of("answered", "busy", "no_answer", "failed")) {
            sum += json(partner().queryParam("status", status).get(PARTNER + "/cdrs")).getInt("pagination.total");
        }
        assertEquals(total, sum, "the four statuses partition the log");
        assertEquals(
                json(partner().queryParam("status", "no_answer").get(PARTNER + "/cdrs")).getInt("pagination.total"),
                json(partner().queryParam("status", "no-answer").get(PARTNER + "/cdrs")).getInt("pagination.total"));
        int answered = json(partner().queryParam("status", "answered").get(PARTNER + "/cdrs"))
                .getInt("summary.answeredCalls");
        assertTrue(answered * 100 / total >= 50 && answered * 100 / total <= 70, "realistic answer rate");
        partner().queryParam("status", "ringing").get(PARTNER + "/cdrs")
                .then().statusCode(400).body("error", instanceOf(String.class));
    }

    @Test
    void summaryEqualsTotalsOverAllFilteredRows() {
        assertSummaryMatchesRows(SimulatorTest::partner, PARTNER + "/accounts/MA_SIM00003/cdrs");
        assertSummaryMatchesRows(() -> partner().queryParam("call_direction", "outbound"), PARTNER + "/cdrs");
        assertSummaryMatchesRows(() -> partner().queryParam("status", "answered")
                .queryParam("start_date", "2026-03-24").queryParam("end_date", "2026-03-24"), PARTNER + "/cdrs");

        JsonPath empty = json(partner().queryParam("start_date", "2020-01-01").queryParam("end_date", "2020-01-01")
                .get(PARTNER + "/cdrs"));
        assertEquals(0, empty.getInt("summary.totalCalls"));
        assertEquals(0, empty.getInt("pagination.pages"));
        assertEquals("0s", empty.getString("summary.avgCallDuration"));
        assertNull(empty.get("summary.last_call_at"));
    }

    @Test
    void rejectsMalformedDates() {
        partner().queryParam("start_date", "25/03/2026").get(PARTNER + "/cdrs")
                .then().statusCode(400).body("error", matchesPattern(".*start_date.*"));
    }

    @Test
    void globalLogSpansSeveralCustomers() {
        JsonPath body = json(partner().queryParam("per_page", 100).get(PARTNER + "/cdrs"));
        assertNull(body.get("account_id"), "the global envelope has no top-level account");
        List<String> owners = body.getList("data.account_id", String.class);
        assertTrue(new HashSet<>(owners).size() >= 3, "rows from several customers: " + new HashSet<>(owners));
        assertNewestFirst(body.getList("data"));

        int perCustomer = 0;
        for (int n = 1; n <= 8; n++) {
            perCustomer += json(partner().get(PARTNER + "/accounts/MA_SIM0000" + n + "/cdrs"))
                    .getInt("pagination.total");
        }
        assertEquals(body.getInt("pagination.total"), perCustomer);
    }

    @Test
    void looksUpOneCdrOfTheRightCustomer() {
        String uuid = json(partner().get(PARTNER + "/accounts/MA_SIM00002/cdrs")).getString("data[3].uuid");

        Map<String, Object> cdr = json(partner().get(PARTNER + "/accounts/MA_SIM00002/cdrs/" + uuid)).getMap("$");
        assertEquals(uuid, cdr.get("uuid"));
        assertEquals(43, cdr.size());
        partner().get(PARTNER + "/accounts/MA_SIM00003/cdrs/" + uuid).then().statusCode(404);
        partner().get(PARTNER + "/accounts/MA_SIM00002/cdrs/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404);
    }

    // --- account API -----------------------------------------------------------------------------

    @Test
    void accountApiNeedsTheAccountsOwnCredentials() {
        String token = customerToken("MA_SIM00001");
        account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr")
                .then().statusCode(200).body("success", equalTo(true)).body("account_id", equalTo("MA_SIM00001"));
        account("MA_SIM00001", "simtok-wrong").get(ACCOUNT + "/MA_SIM00001/cdr")
                .then().statusCode(401).body("error.code", equalTo(401));
        account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00002/cdr")
                .then().statusCode(403).body("error.message", equalTo("Access denied: account ID mismatch"));
        account(PARTNER_ID, PARTNER_TOKEN).get(ACCOUNT + "/MA_SIM00001/cdr").then().statusCode(403);
        given().get(ACCOUNT + "/MA_SIM00001/cdr").then().statusCode(401);
        // A customer whose partner record withholds the token cannot use the account API at all.
        account("MA_SIM00004", "").get(ACCOUNT + "/MA_SIM00004/cdr").then().statusCode(401);
        account("MA_SIM00004", "null").get(ACCOUNT + "/MA_SIM00004/cdr").then().statusCode(401);
    }

    @Test
    void accountListPaginatesAndSummarisesLikeThePartnerApi() {
        RequestSpecification owner = account("MA_SIM00005", customerToken("MA_SIM00005"));
        JsonPath page = json(owner.queryParam("per_page", 4).queryParam("page", 2).get(ACCOUNT + "/MA_SIM00005/cdr"));
        assertEquals(4, page.getInt("count"));
        assertEquals(List.of("account_id", "count", "data", "pagination", "summary", "success"),
                List.copyOf(page.getMap("$").keySet()));
        assertTrue(page.getBoolean("pagination.has_prev"));
        JsonPath partnerView = json(partner().get(PARTNER + "/accounts/MA_SIM00005/cdrs"));
        assertEquals(partnerView.getMap("summary"), page.getMap("summary"));
        String token = customerToken("MA_SIM00005");
        assertSummaryMatchesRows(() -> account("MA_SIM00005", token).queryParam("call_direction", "inbound"),
                ACCOUNT + "/MA_SIM00005/cdr");
    }

    @Test
    void accountDateRangeOnlyAppliesWhenPaired() {
        String token = customerToken("MA_SIM00002");
        String list = ACCOUNT + "/MA_SIM00002/cdr";
        int all = json(account("MA_SIM00002", token).get(list)).getInt("pagination.total");
        assertEquals(all, json(account("MA_SIM00002", token).queryParam("start_date", "2026-03-24").get(list))
                .getInt("pagination.total"), "a lone start_date is ignored");
        List<Map<String, Object>> day = allPages(() -> account("MA_SIM00002", token)
                .queryParam("start_date", "2026-03-20").queryParam("end_date", "2026-03-21"), list);
        assertTrue(!day.isEmpty() && day.size() < all);
        day.forEach(r -> assertTrue(((String) r.get("start_time")).startsWith("2026-03-20")
                || ((String) r.get("start_time")).startsWith("2026-03-21")));
    }

    @Test
    void accountListHonoursTheNewerFilters() {
        String token = customerToken("MA_SIM00003");
        String list = ACCOUNT + "/MA_SIM00003/cdr";
        Map<String, Object> answered = allPages(() -> account("MA_SIM00003", token), list).stream()
                .filter(r -> r.get("bridge_uuid") != null)
                .findFirst().orElseThrow();
        int all = json(account("MA_SIM00003", token).get(list)).getInt("pagination.total");
        for (String field : List.of("sip_call_id", "bridge_uuid", "hangup_disposition", "hangup_cause", "context")) {
            String value = (String) answered.get(field);
            List<Map<String, Object>> rows =
                    allPages(() -> account("MA_SIM00003", token).queryParam(field, value), list);
            assertFalse(rows.isEmpty(), field);
            rows.forEach(r -> assertEquals(value, r.get(field), field));
            // A customer may use a single product, so only the context filter may legitimately keep every row.
            assertTrue(field.equals("context") || rows.size() < all, field + " narrowed the list");
        }
        List<Map<String, Object>> longCalls = allPages(() -> account("MA_SIM00003", token)
                .queryParam("min_duration", 300), list);
        assertTrue(!longCalls.isEmpty() && longCalls.size() < all);
        longCalls.forEach(r -> assertTrue(integer(r, "duration") >= 300));
    }

    @Test
    void accountSearchEchoesExactlyFourFilters() {
        RequestSpecification owner = account("MA_SIM00001", customerToken("MA_SIM00001"));
        JsonPath body = json(owner.queryParam("call_direction", "outbound").queryParam("hangup_cause", "USER_BUSY")
                .get(ACCOUNT + "/MA_SIM00001/cdr/search"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("call_direction", "outbound");
        expected.put("from_number", "");
        expected.put("hangup_cause", "USER_BUSY");
        expected.put("to_number", "");
        assertEquals(expected, body.getMap("filters"));
        assertFalse(body.getList("data").isEmpty());
        body.getList("data", Map.class).forEach(r -> {
            assertEquals("outbound", r.get("call_direction"));
            assertEquals("USER_BUSY", r.get("hangup_cause"));
        });
    }

    @Test
    void recentReturnsTheNewestCallsUpToTheLimit() {
        String token = customerToken("MA_SIM00001");
        JsonPath recent = json(account("MA_SIM00001", token).queryParam("limit", 5)
                .get(ACCOUNT + "/MA_SIM00001/cdr/recent"));
        assertEquals(List.of("account_id", "count", "data", "success"), List.copyOf(recent.getMap("$").keySet()));
        assertEquals(5, recent.getInt("count"));
        assertEquals(json(account("MA_SIM00001", token).queryParam("per_page", 5).get(ACCOUNT + "/MA_SIM00001/cdr"))
                .getList("data.uuid"), recent.getList("data.uuid"));

        int total = json(account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr")).getInt("pagination.total");
        account("MA_SIM00001", token).queryParam("limit", 1000).get(ACCOUNT + "/MA_SIM00001/cdr/recent")
                .then().body("count", equalTo(Math.min(100, total)));
        account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr/recent").then().body("count", equalTo(20));
    }

    @Test
    void getsOneCdrWrappedAndHidesOtherAccountsCalls() {
        String token = customerToken("MA_SIM00001");
        String own = json(account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr")).getString("data[0].uuid");
        String foreign = json(partner().get(PARTNER + "/accounts/MA_SIM00002/cdrs")).getString("data[0].uuid");

        account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr/" + own)
                .then().statusCode(200).body("success", equalTo(true)).body("data.uuid", equalTo(own));
        account("MA_SIM00001", token).get(ACCOUNT + "/MA_SIM00001/cdr/" + foreign)
                .then().statusCode(404).body("error", equalTo("CDR not found")).body("api_id", notNullValue());
    }

    @Test
    void exportsMatchingCallsAsCsv() {
        String token = customerToken("MA_SIM00001");
        String csv = account("MA_SIM00001", token).queryParam("call_direction", "inbound")
                .get(ACCOUNT + "/MA_SIM00001/cdr/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(43, lines[0].split(",").length);
        assertTrue(lines[0].startsWith("id,uuid,account_id,call_direction,"));
        int inbound = json(account("MA_SIM00001", token).queryParam("call_direction", "inbound")
                .get(ACCOUNT + "/MA_SIM00001/cdr")).getInt("pagination.total");
        assertEquals(inbound, lines.length - 1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static RequestSpecification partner() {
        return given().header("X-Auth-ID", PARTNER_ID).header("X-Auth-Token", PARTNER_TOKEN);
    }

    private static RequestSpecification account(String authId, String token) {
        return given().header("X-Auth-ID", authId).header("X-Auth-Token", token);
    }

    private static Map<String, Object> customer(String authId) {
        return json(partner().get(PARTNER + "/accounts/" + authId)).getMap("$");
    }

    private static String customerToken(String authId) {
        return (String) customer(authId).get("auth_token");
    }

    private static JsonPath json(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath(DECIMALS);
    }

    /** Every row of a filtered list, following {@code has_next}. */
    private static List<Map<String, Object>> allPages(Supplier<RequestSpecification> request, String path) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean more = true;
        for (int page = 1; more; page++) {
            JsonPath body = json(request.get().queryParam("per_page", 100).queryParam("page", page).get(path));
            rows.addAll(body.getList("data"));
            more = body.getBoolean("pagination.has_next");
        }
        return rows;
    }

    private static void assertSummaryMatchesRows(Supplier<RequestSpecification> request, String path) {
        Map<String, Object> summary = json(request.get().get(path)).getMap("summary");
        List<Map<String, Object>> rows = allPages(request, path);
        int answered = (int) rows.stream().filter(r -> integer(r, "billsec") > 0).count();
        long duration = rows.stream().mapToLong(r -> integer(r, "duration")).sum();
        long billable = rows.stream().mapToLong(r -> integer(r, "billsec")).sum();
        BigDecimal cost = rows.stream().map(r -> decimal(r.get("total_cost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        String last = rows.stream().map(r -> (String) r.get("start_time")).max(String::compareTo).orElseThrow();

        assertEquals(rows.size(), integer(summary, "totalCalls"));
        assertEquals(answered, integer(summary, "answeredCalls"));
        assertEquals(0, BigDecimal.valueOf(answered * 100L)
                .divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP)
                .compareTo(decimal(summary.get("answerRate"))));
        assertEquals(duration / rows.size() + "s", summary.get("avgCallDuration"));
        assertEquals(duration, integer(summary, "total_duration_seconds"));
        assertEquals(billable, integer(summary, "total_billable_seconds"));
        assertEquals(0, cost.compareTo(decimal(summary.get("total_cost"))), cost + " vs " + summary);
        assertEquals(last, summary.get("last_call_at"));
    }

    private static Predicate<Map<String, Object>> partnerFilter(String parameter, String value) {
        return switch (parameter) {
            case "call_direction" -> r -> value.equals(r.get("call_direction"));
            case "status" -> r -> value.equals(status(r));
            case "hangup_cause" -> r -> value.equals(r.get("hangup_cause"));
            case "min_duration" -> r -> integer(r, "duration") >= Integer.parseInt(value);
            case "max_duration" -> r -> integer(r, "duration") <= Integer.parseInt(value);
            case "context" -> r -> value.equals(r.get("context"));
            case "start_date" -> r -> ((String) r.get("start_time")).compareTo(value) >= 0;
            case "end_date" -> r -> ((String) r.get("start_time")).substring(0, 10).compareTo(value) <= 0;
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    /** docs/vobiz-contract.md#call-status. */
    private static String status(Map<String, Object> row) {
        if (integer(row, "billsec") > 0) {
            return "answered";
        }
        return switch ((String) row.get("hangup_cause")) {
            case "USER_BUSY" -> "busy";
            case "NO_ANSWER", "ORIGINATOR_CANCEL" -> "no_answer";
            default -> "failed";
        };
    }

    private static void assertNewestFirst(List<Map<String, Object>> rows) {
        for (int i = 1; i < rows.size(); i++) {
            Instant previous = Instant.parse((String) rows.get(i - 1).get("start_time"));
            Instant current = Instant.parse((String) rows.get(i).get("start_time"));
            assertTrue(!current.isAfter(previous), "start_time descending at row " + i);
            if (current.equals(previous)) {
                assertTrue(decimal(rows.get(i).get("id")).compareTo(decimal(rows.get(i - 1).get("id"))) < 0);
            }
        }
    }

    private static void assertCdrInvariants(Map<String, Object> row) {
        assertEquals(43, row.size());
        assertEquals(integer(row, "duration"), integer(row, "ring_time") + integer(row, "billsec"));
        assertEquals(integer(row, "billsec") == 0, row.get("answer_time") == null);
        assertEquals(0, decimal(row.get("cost")).add(decimal(row.get("streaming_cost")))
                .compareTo(decimal(row.get("total_cost"))));
        assertTrue(((String) row.get("start_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(row.get("progress_time") == null, row.get("mos") == null, "no media stats without progress");
    }

    private static int integer(Map<String, ?> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
