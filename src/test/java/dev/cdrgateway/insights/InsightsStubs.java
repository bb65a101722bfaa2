package dev.cdrgateway.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdrgateway.testsupport.Vendor;

/** Vendor bodies derived from the shared fixtures for leaderboard, quality and anomaly tests. */
final class InsightsStubs {

    private InsightsStubs() {
    }

    /**
     * A one-row CDR list envelope (as a per_page=1 read returns) whose summary describes a set of {@code total}
     * calls with the given answered calls, billable seconds and cost.
     */
    static String summaryPage(int total, int answered, int billableSeconds, String cost) {
        ObjectNode envelope = Vendor.json("partner-customer-cdrs/page");
        ArrayNode rows = (ArrayNode) envelope.get("data");
        while (rows.size() > Math.min(1, total)) {
            rows.remove(rows.size() - 1);
        }
        envelope.put("count", rows.size());
        ((ObjectNode) envelope.get("pagination")).put("page", 1).put("per_page", 1).put("total", total)
                .put("pages", total).put("has_next", total > 1).put("has_prev", false);
        ObjectNode summary = (ObjectNode) envelope.get("summary");
        summary.put("totalCalls", total).put("answeredCalls", answered)
                .put("answerRate", total == 0 ? 0 : Math.round(answered * 1000.0 / total) / 10.0)
                .put("total_billable_seconds", billableSeconds).put("total_cost", new java.math.BigDecimal(cost));
        return Vendor.text(envelope);
    }

    /** The shared fixture's customer list with these customer ids (records copied from its first one). */
    static String customerList(boolean withOwnTokens, String... ids) {
        return customerPage(ids.length, withOwnTokens, ids);
    }

    /** One page of a customer list of {@code total} customers holding these ids. */
    static String customerPage(int total, boolean withOwnTokens, String... ids) {
        ObjectNode list = Vendor.json("partner-customers/list");
        ArrayNode accounts = (ArrayNode) list.get("accounts");
        ObjectNode template = (ObjectNode) accounts.get(0);
        ArrayNode rows = accounts.arrayNode();
        for (String id : ids) {
            ObjectNode row = template.deepCopy();
            row.put("auth_id", id).put("name", "Customer " + id);
            if (withOwnTokens) {
                row.put("auth_token", "token-of-" + id + "-not-real");
            } else {
                row.remove("auth_token");
            }
            rows.add(row);
        }
        list.set("accounts", rows);
        list.put("total", total);
        return Vendor.text(list);
    }
}
