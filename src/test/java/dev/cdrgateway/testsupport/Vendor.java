package dev.cdrgateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Vendor response bodies from {@code src/test/resources/vendor/} (the vendor's sample bodies, docs/vobiz-contract.md#test-fixtures) and generated pages. */
public final class Vendor {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Partner credentials the test profile configures for the default tenant. */
    public static final String PARTNER_ID = "PA_TEST0001";
    public static final String PARTNER_TOKEN = "test-partner-token-not-real";
    /** The customer token inside vendor/partner-customer/get.json. */
    public static final String CUSTOMER_TOKEN = "demo-customer-token-0001-not-real";

    private Vendor() {
    }

    /** A vendor body as text, e.g. {@code body("partner-customer/get")}. */
    public static String body(String name) {
        try (InputStream in = Vendor.class.getResourceAsStream("/vendor/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no vendor body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vendor body as a JSON tree, to derive variants from. */
    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(body(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises a tree. */
    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uuid given to generated row number {@code index} (0-based offset in the whole set). */
    public static String generatedUuid(int index) {
        return new UUID(0xC0FFEEL, index).toString();
    }

    /**
     * Page {@code page} (1-based) of {@code perPage} rows out of a generated set of {@code total} calls, in the
     * partner envelope, every row a copy of the fixture's first row with a uuid from {@link #generatedUuid}.
     */
    public static String generatedCdrPage(int total, int page, int perPage) {
        ObjectNode envelope = json("partner-customer-cdrs/page");
        ObjectNode template = (ObjectNode) envelope.get("data").get(0);
        ArrayNode rows = JSON.createArrayNode();
        int from = (page - 1) * perPage;
        for (int i = from; i < Math.min(total, from + perPage); i++) {
            ObjectNode row = template.deepCopy();
            row.put("uuid", generatedUuid(i));
            row.put("id", 50_000_000L + i);
            rows.add(row);
        }
        envelope.set("data", rows);
        envelope.put("count", rows.size());
        ObjectNode pagination = (ObjectNode) envelope.get("pagination");
        int pages = (total + perPage - 1) / perPage;
        pagination.put("page", page).put("per_page", perPage).put("total", total).put("pages", pages)
                .put("has_next", page < pages).put("has_prev", page > 1);
        ((ObjectNode) envelope.get("summary")).put("totalCalls", total);
        return text(envelope);
    }
}
