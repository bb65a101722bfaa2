package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The customer list. Newer docs: {@code {accounts, total, page, size}}; older docs:
 * {@code {data, meta{total, page, size, total_pages}}} (docs/vobiz-contract.md#v3-customer-list-shape). Both are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VobizAccountPage(
        @JsonProperty("accounts") List<VobizAccount> accounts,
        @JsonProperty("data") List<VobizAccount> data,
        @JsonProperty("total") Long total,
        @JsonProperty("page") Integer page,
        @JsonProperty("size") Integer size,
        @JsonProperty("per_page") Integer perPage,
        @JsonProperty("meta") VobizLegacyMeta meta) {

    /** The rows under whichever key this upstream version used. */
    public List<VobizAccount> rows() {
        if (accounts != null) {
            return accounts;
        }
        return data != null ? data : List.of();
    }

    /** The total under whichever key this upstream version used, or {@code null} if neither is present. */
    public Long totalCount() {
        if (total != null) {
            return total;
        }
        return meta != null ? meta.total() : null;
    }
}
