package dev.cdrgateway.export;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The export's CSV format: a stable, documented column set (the same whichever upstream route served the rows,
 * since every row is a mapped {@link Call}), RFC 4180 quoting and CRLF line ends. Cells: enums by their GraphQL
 * names, instants as ISO-8601 UTC ({@code 2026-03-25T11:00:05Z}), amounts as plain decimals, booleans
 * {@code true}/{@code false}, null as an empty cell.
 *
 * <p><b>Formula injection.</b> With the guard on, a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '} (OWASP's advice) so a spreadsheet shows it as
 * text instead of running it, unless the cell is a plain number: E.164 numbers such as {@code +918000000001} and
 * negative amounts stay untouched (a spreadsheet can only read them as numbers).
 */
final class CallCsv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("^[+-]?[0-9]+(\\.[0-9]+)?$");
    private static final String LINE_END = "\r\n";

    /** One column: its header name and how a call fills it. */
    record Column(String name, Function<Call, Object> value) {
    }

    /** The columns in order. Names and order are part of the API (README, "CSV export"). */
    static final List<Column> COLUMNS = List.of(
            new Column("uuid", Call::uuid),
            new Column("record_id", Call::recordId),
            new Column("customer_id", Call::customerId),
            new Column("direction", Call::direction),
            new Column("status", Call::status),
            new Column("caller_name", Call::callerName),
            new Column("caller_number", Call::callerNumber),
            new Column("callee_number", Call::calleeNumber),
            new Column("started_at", c -> c.timing().startedAt()),
            new Column("progress_at", c -> c.timing().progressAt()),
            new Column("answered_at", c -> c.timing().answeredAt()),
            new Column("ended_at", c -> c.timing().endedAt()),
            new Column("duration_seconds", c -> c.timing().durationSeconds()),
            new Column("ring_seconds", c -> c.timing().ringSeconds()),
            new Column("talk_seconds", c -> c.timing().talkSeconds()),
            new Column("billable_seconds", c -> c.billing().billableSeconds()),
            new Column("cost", c -> amount(c.billing().cost())),
            new Column("streaming_cost", c -> amount(c.billing().streamingCost())),
            new Column("total_cost", c -> amount(c.billing().totalCost())),
            new Column("currency", CallCsv::currency),
            new Column("hangup_cause", c -> c.hangup().cause()),
            new Column("hangup_raw_cause", c -> c.hangup().rawCause()),
            new Column("hangup_meaning", c -> c.hangup().meaning()),
            new Column("hangup_code", c -> c.hangup().code()),
            new Column("hangup_name", c -> c.hangup().name()),
            new Column("hangup_disposition", c -> c.hangup().disposition()),
            new Column("hangup_source", c -> c.hangup().source()),
            new Column("failure_code", c -> c.hangup().failureCode()),
            new Column("failure_reason", c -> c.hangup().failureReason()),
            new Column("mos", c -> c.quality().mos()),
            new Column("jitter_ms", c -> c.quality().jitterMs()),
            new Column("packet_loss_percent", c -> c.quality().packetLossPercent()),
            new Column("codec", c -> c.quality().codec()),
            new Column("has_media", c -> c.quality().hasMedia()),
            new Column("degraded", c -> c.quality().degraded()),
            new Column("sip_call_id", c -> c.sip().callId()),
            new Column("sip_user_agent", c -> c.sip().userAgent()),
            new Column("bridge_uuid", c -> c.sip().bridgeUuid()),
            new Column("network_address", c -> c.sip().networkAddress()),
            new Column("carrier_ip", c -> c.sip().carrierIp()),
            new Column("customer_endpoint", c -> c.sip().customerEndpoint()),
            new Column("terminated_to", c -> c.sip().terminatedTo()),
            new Column("context", Call::context),
            new Column("region", Call::region),
            new Column("origination_region", Call::originationRegion),
            new Column("campaign_id", Call::campaignId),
            new Column("trunk_id", Call::trunkId),
            new Column("record_created_at", Call::recordCreatedAt),
            new Column("record_updated_at", Call::recordUpdatedAt));

    private final boolean formulaGuard;

    CallCsv(boolean formulaGuard) {
        this.formulaGuard = formulaGuard;
    }

    /** The header row, with its line end. */
    String header() {
        StringBuilder out = new StringBuilder(1024);
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(COLUMNS.get(i).name());
        }
        return out.append(LINE_END).toString();
    }

    /** The rows of {@code calls}, each with its line end. */
    String rows(List<Call> calls) {
        StringBuilder out = new StringBuilder(calls.size() * 600);
        for (Call call : calls) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCell(out, COLUMNS.get(i).value().apply(call));
            }
            out.append(LINE_END);
        }
        return out.toString();
    }

    private void appendCell(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        String text;
        if (value instanceof String s) {
            text = formulaGuard && needsGuard(s) ? "'" + s : s;
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof OffsetDateTime instant) {
            text = DateTimeFormatter.ISO_INSTANT.format(instant);
        } else if (value instanceof Enum<?> constant) {
            text = constant.name();
        } else {
            text = value.toString();
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.append(text);
        } else {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }

    /** Whether a spreadsheet would treat the text as a formula. */
    static boolean needsGuard(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(text).matches();
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static String currency(Call call) {
        Money total = call.billing().totalCost();
        if (total != null && total.currency() != null) {
            return total.currency();
        }
        Money cost = call.billing().cost();
        return cost == null ? null : cost.currency();
    }
}
