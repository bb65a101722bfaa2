package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.vobiz.dto.VobizCdr;
import io.vertx.mutiny.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incremental reader of Vobiz's CSV export, fed chunk by chunk as the body arrives: RFC 4180 (quoted fields
 * with doubled quotes, commas and line breaks; CRLF or LF), UTF-8 split anywhere across chunks. The header row
 * names the columns: they are looked up by name (the 43 CDR field names, docs/vobiz-contract.md#csv-export), so their order
 * and any extra column do not matter. Each row becomes a {@link VobizCdr} (empty cell = null) and then a
 * {@link Call} through {@link VobizMapper}, exactly as a JSON row would. Memory is one row at most
 * ({@link #MAX_ROW_CHARS}); a body that ends inside a quoted field is an error (a truncated export, retryable),
 * a header without {@code uuid} or a longer row breaks the contract ({@code UPSTREAM_INVALID_RESPONSE}).
 * Not thread-safe: one instance per stream, fed in order.
 */
final class VobizCsv {

    static final int MAX_ROW_CHARS = 1 << 20;
    private static final Logger LOG = Logger.getLogger(VobizCsv.class);

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final String fallbackCustomerId;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pendingBytes = ByteBuffer.allocate(0);
    private final StringBuilder field = new StringBuilder();
    private final List<String> record = new ArrayList<>();
    private State state = State.FIELD_START;
    private boolean skipLineFeed;
    private int rowChars;
    private Map<String, Integer> columns;
    private List<Call> out;
    private final QualityThresholds thresholds;

    VobizCsv(String fallbackCustomerId, QualityThresholds thresholds) {
        this.fallbackCustomerId = fallbackCustomerId;
        this.thresholds = thresholds;
    }

    /** The calls completed by this chunk (possibly none). */
    List<Call> feed(Buffer chunk) {
        return feed(chunk.getBytes());
    }

    List<Call> feed(byte[] bytes) {
        out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.allocate(pendingBytes.remaining() + bytes.length);
        in.put(pendingBytes).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, chars, false);
        pendingBytes = in.slice(); // an incomplete UTF-8 sequence at the end waits for the next chunk
        chars.flip();
        while (chars.hasRemaining()) {
            accept(chars.get());
        }
        return out;
    }

    /**
     * The last row when the body did not end with a line break.
     *
     * @throws IllegalStateException when the body ended inside a quoted field (truncated)
     */
    List<Call> finish() {
        out = new ArrayList<>();
        if (pendingBytes.hasRemaining()) {
            field.append('\uFFFD');
            pendingBytes = ByteBuffer.allocate(0);
        }
        if (state == State.QUOTED) {
            throw new IllegalStateException("the Vobiz CSV export ended inside a quoted field");
        }
        if (state != State.FIELD_START || !record.isEmpty()) {
            endRecord();
        }
        if (columns == null) {
            LOG.debug("The Vobiz CSV export was empty (no header row)");
        }
        return out;
    }

    private void accept(char c) {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (c == '\n') {
                return;
            }
        }
        if (++rowChars > MAX_ROW_CHARS) {
            LOG.warnf("A row of the Vobiz CSV export exceeds %d characters", MAX_ROW_CHARS);
            throw UpstreamErrors.invalidResponse("account");
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else {
                    unquoted(c);
                }
            }
            case UNQUOTED -> unquoted(c);
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    field.append(c);
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    field.append('"');
                    state = State.QUOTED;
                } else {
                    unquoted(c); // a closing quote: a separator, a line break or (lenient) more text follows
                }
            }
        }
    }

    private void unquoted(char c) {
        if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            skipLineFeed = c == '\r';
            endRecord();
        } else {
            field.append(c);
            state = State.UNQUOTED;
        }
    }

    private void endField() {
        record.add(field.toString());
        field.setLength(0);
        state = State.FIELD_START;
    }

    private void endRecord() {
        endField();
        rowChars = 0;
        boolean blank = record.size() == 1 && record.get(0).isEmpty();
        if (!blank) {
            if (columns == null) {
                header();
            } else {
                row();
            }
        }
        record.clear();
    }

    private void header() {
        columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            columns.putIfAbsent(name, i);
        }
        if (!columns.containsKey("uuid")) {
            LOG.warn("The Vobiz CSV export has no uuid column");
            throw UpstreamErrors.invalidResponse("account");
        }
    }

    private void row() {
        VobizCdr cdr = new VobizCdr(
                longValue("id"), text("uuid"), text("account_id"), text("call_direction"), text("caller_id_name"),
                text("caller_id_number"), text("destination_number"), intValue("duration"), intValue("billsec"),
                intValue("ring_time"), text("answer_time"), text("start_time"), text("end_time"),
                text("progress_time"), text("created_at"), text("updated_at"), decimal("cost"), decimal("total_cost"),
                decimal("streaming_cost"), text("currency"), text("hangup_cause"), intValue("hangup_cause_code"),
                text("hangup_cause_name"), text("hangup_disposition"), text("hangup_source"), text("failure_code"),
                text("failure_reason"), text("bridge_uuid"), text("sip_call_id"), text("sip_user_agent"),
                text("codec"), decimal("mos"), decimal("jitter"), decimal("packet_loss"), text("network_addr"),
                text("carrier_ip"), text("context"), text("region"), text("origination_region"),
                text("campaign_id"), text("customer_endpoint"), text("trunk_id"), text("terminated_to"),
                text("status"));
        if (cdr.uuid() == null) {
            LOG.warn("Vobiz CSV export row without uuid skipped");
            return;
        }
        out.add(VobizMapper.toCall(cdr, fallbackCustomerId, thresholds));
    }

    /** The named cell, {@code null} when the column is absent or the cell empty. */
    private String text(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isEmpty() ? null : value;
    }

    private BigDecimal decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            LOG.debugf("Non-numeric %s in the Vobiz CSV export ignored", column);
            return null;
        }
    }

    private Integer intValue(String column) {
        BigDecimal value = decimal(column);
        return value == null ? null : value.intValue();
    }

    private Long longValue(String column) {
        BigDecimal value = decimal(column);
        return value == null ? null : value.longValue();
    }
}
