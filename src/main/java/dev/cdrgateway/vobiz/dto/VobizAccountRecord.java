package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/**
 * The answer of {@code GET /api/v1/partner/accounts/{id}}. The vendor's documents disagree about envelopes: the
 * partner API's customer page shows the bare Account object, while single records elsewhere come wrapped as
 * {@code {"success": true, "data": {…}}} (the account API's single CDR; the partner single CDR in some versions).
 * Both are accepted here. {@link #account()} is {@code null} when the body is neither (an unexpected shape).
 */
@JsonDeserialize(using = VobizAccountRecord.Deserializer.class)
public record VobizAccountRecord(VobizAccount account) {

    /** Unwraps {@code data} when it is an object, reads a bare object with {@code auth_id} as the record. */
    static final class Deserializer extends StdDeserializer<VobizAccountRecord> {
        Deserializer() {
            super(VobizAccountRecord.class);
        }

        @Override
        public VobizAccountRecord deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject()) {
                return new VobizAccountRecord(null);
            }
            JsonNode row = node.has("auth_id") ? node : node.path("data");
            if (!row.isObject()) {
                return new VobizAccountRecord(null);
            }
            return new VobizAccountRecord(ctxt.readTreeAsValue(row, VobizAccount.class));
        }
    }
}
