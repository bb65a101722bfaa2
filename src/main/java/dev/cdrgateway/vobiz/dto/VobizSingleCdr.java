package dev.cdrgateway.vobiz.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/**
 * A single-CDR response. The account API wraps the row as {@code {data, success}}; the partner API's newer
 * docs show the bare object (docs/vobiz-contract.md#v2-single-cdr-envelope). Both are accepted.
 */
@JsonDeserialize(using = VobizSingleCdr.Deserializer.class)
public record VobizSingleCdr(VobizCdr cdr) {

    /** Unwraps {@code data} when it is an object, else reads the body itself as the row. */
    static final class Deserializer extends StdDeserializer<VobizSingleCdr> {
        Deserializer() {
            super(VobizSingleCdr.class);
        }

        @Override
        public VobizSingleCdr deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = parser.readValueAsTree();
            JsonNode row = node != null && node.path("data").isObject() ? node.get("data") : node;
            if (row == null || !row.isObject()) {
                return new VobizSingleCdr(null);
            }
            return new VobizSingleCdr(ctxt.readTreeAsValue(row, VobizCdr.class));
        }
    }
}
