package dev.cdrgateway.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.cdrgateway.simulator.SimulatedCustomer.PricingTier;
import io.vertx.core.buffer.Buffer;

/**
 * Renders simulator responses in Vobiz's wire format, byte-compatible in shape with
 * the vendor fixtures (src/test/resources/vendor/, docs/vobiz-contract.md#test-fixtures): field names and order, mixed camelCase/snake_case summary keys, {@code cash_credits}
 * as a 5-decimal string, CDR timestamps as {@code YYYY-MM-DDTHH:MM:SSZ} and account timestamps with
 * microseconds and {@code +00:00}, explicit {@code null}s. It writes JSON by hand with its own generator
 * rather than through the application's ObjectMapper, so gateway-side Jackson settings cannot change
 * what the "vendor" sends.
 */
final class VobizWire {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final DateTimeFormatter ACCOUNT_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** The 43 CDR fields in the vendor's glossary order (docs/vobiz-contract.md#cdr-row); also the CSV header. */
    static final List<CdrField> CDR_FIELDS = List.of(
            new CdrField("id", SimulatedCall::id),
            new CdrField("uuid", SimulatedCall::uuid),
            new CdrField("account_id", SimulatedCall::accountId),
            new CdrField("call_direction", SimulatedCall::callDirection),
            new CdrField("caller_id_name", SimulatedCall::callerIdName),
            new CdrField("caller_id_number", SimulatedCall::callerIdNumber),
            new CdrField("destination_number", SimulatedCall::destinationNumber),
            new CdrField("duration", SimulatedCall::duration),
            new CdrField("billsec", SimulatedCall::billsec),
            new CdrField("ring_time", SimulatedCall::ringTime),
            new CdrField("answer_time", SimulatedCall::answerTime),
            new CdrField("start_time", SimulatedCall::startTime),
            new CdrField("end_time", SimulatedCall::endTime),
            new CdrField("progress_time", SimulatedCall::progressTime),
            new CdrField("created_at", SimulatedCall::endTime),
            new CdrField("updated_at", SimulatedCall::endTime),
            new CdrField("cost", SimulatedCall::cost),
            new CdrField("total_cost", SimulatedCall::totalCost),
            new CdrField("streaming_cost", SimulatedCall::streamingCost),
            new CdrField("currency", SimulatedCall::currency),
            new CdrField("hangup_cause", call -> call.hangup().cause()),
            new CdrField("hangup_cause_code", call -> call.hangup().code()),
            new CdrField("hangup_cause_name", call -> call.hangup().causeName()),
            new CdrField("hangup_disposition", call -> call.hangup().disposition()),
            new CdrField("hangup_source", call -> call.hangup().source()),
            new CdrField("failure_code", call -> call.hangup().failureCode()),
            new CdrField("failure_reason", call -> call.hangup().failureReason()),
            new CdrField("bridge_uuid", SimulatedCall::bridgeUuid),
            new CdrField("sip_call_id", SimulatedCall::sipCallId),
            new CdrField("sip_user_agent", SimulatedCall::sipUserAgent),
            new CdrField("codec", SimulatedCall::codec),
            new CdrField("mos", SimulatedCall::mos),
            new CdrField("jitter", SimulatedCall::jitter),
            new CdrField("packet_loss", SimulatedCall::packetLoss),
            new CdrField("network_addr", SimulatedCall::networkAddr),
            new CdrField("carrier_ip", SimulatedCall::carrierIp),
            new CdrField("context", SimulatedCall::context),
            new CdrField("region", SimulatedCall::region),
            new CdrField("origination_region", SimulatedCall::originationRegion),
            new CdrField("campaign_id", SimulatedCall::campaignId),
            new CdrField("customer_endpoint", SimulatedCall::customerEndpoint),
            new CdrField("trunk_id", SimulatedCall::trunkId),
            new CdrField("terminated_to", SimulatedCall::terminatedTo));

    private VobizWire() {
    }

    /**
     * One CDR field: wire name and how to read it. Values are {@code String}, {@code Integer},
     * {@code Long}, {@code BigDecimal}, {@code Instant} or {@code null}.
     */
    record CdrField(String name, Function<SimulatedCall, Object> value) {
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static Buffer render(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** {@code GET /partner/accounts}: newer shape {@code {accounts, total, page, size}}. */
    static Buffer accountsPage(List<SimulatedCustomer> rows, int total, int page, int size) {
        return render(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("accounts");
            for (SimulatedCustomer customer : rows) {
                writeAccount(json, customer);
            }
            json.writeEndArray();
            json.writeNumberField("total", total);
            json.writeNumberField("page", page);
            json.writeNumberField("size", size);
            json.writeEndObject();
        });
    }

    static Buffer account(SimulatedCustomer customer) {
        return render(json -> writeAccount(json, customer));
    }

    /**
     * Partner CDR envelope; {@code accountId} is {@code null} for the global log, which then has no
     * top-level {@code account_id}/{@code account_auth_id} (src/test/resources/vendor/partner-global-cdrs/page.json).
     */
    static Buffer partnerCdrPage(String accountId, CdrPage page, CdrSummary summary) {
        return render(json -> {
            json.writeStartObject();
            json.writeBooleanField("success", true);
            if (accountId != null) {
                json.writeStringField("account_id", accountId);
                json.writeStringField("account_auth_id", accountId);
            }
            writeRows(json, page.rows());
            writePagination(json, page);
            writeSummary(json, summary);
            json.writeEndObject();
        });
    }

    /** Account list envelope; {@code filters} is the search echo, {@code null} for the plain list. */
    static Buffer accountCdrPage(String accountId, CdrPage page, CdrSummary summary, Map<String, String> filters) {
        return render(json -> {
            json.writeStartObject();
            json.writeStringField("account_id", accountId);
            writeRows(json, page.rows());
            if (filters != null) {
                json.writeObjectFieldStart("filters");
                for (Map.Entry<String, String> filter : filters.entrySet()) {
                    json.writeStringField(filter.getKey(), filter.getValue());
                }
                json.writeEndObject();
            }
            writePagination(json, page);
            writeSummary(json, summary);
            json.writeBooleanField("success", true);
            json.writeEndObject();
        });
    }

    static Buffer recent(String accountId, List<SimulatedCall> rows) {
        return render(json -> {
            json.writeStartObject();
            json.writeStringField("account_id", accountId);
            writeRows(json, rows);
            json.writeBooleanField("success", true);
            json.writeEndObject();
        });
    }

    /** Partner single CDR: the bare object. */
    static Buffer cdr(SimulatedCall call) {
        return render(json -> writeCdr(json, call));
    }

    /** Account single CDR: {@code {data, success}}. */
    static Buffer wrappedCdr(SimulatedCall call) {
        return render(json -> {
            json.writeStartObject();
            json.writeFieldName("data");
            writeCdr(json, call);
            json.writeBooleanField("success", true);
            json.writeEndObject();
        });
    }

    /** {@code {"error":{"code":401,"message":"Invalid token"}}}, the shape of src/test/resources/vendor/errors/401.json. */
    static Buffer error(int code, String message) {
        return render(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeNumberField("code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** {@code {"error":"..."}}, the documented 400 shape. */
    static Buffer error(String message) {
        return render(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    /** Account single-CDR 404, the SDK's {@code {error, api_id}} shape. */
    static Buffer cdrNotFound(String apiId) {
        return render(json -> {
            json.writeStartObject();
            json.writeStringField("error", "CDR not found");
            json.writeStringField("api_id", apiId);
            json.writeEndObject();
        });
    }

    /** The CSV export's header row: the 43 field names (src/test/resources/vendor/account-cdr-export/day.csv); nulls are empty cells. */
    static String csvHeader() {
        return String.join(",", CDR_FIELDS.stream().map(CdrField::name).toList()) + '\n';
    }

    /** CSV export rows. */
    static String csvRows(List<SimulatedCall> calls) {
        StringBuilder out = new StringBuilder(calls.size() * 512);
        for (SimulatedCall call : calls) {
            for (int i = 0; i < CDR_FIELDS.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(csvCell(CDR_FIELDS.get(i).value().apply(call)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void writeRows(JsonGenerator json, List<SimulatedCall> rows) throws IOException {
        json.writeNumberField("count", rows.size());
        json.writeArrayFieldStart("data");
        for (SimulatedCall call : rows) {
            writeCdr(json, call);
        }
        json.writeEndArray();
    }

    private static void writeCdr(JsonGenerator json, SimulatedCall call) throws IOException {
        json.writeStartObject();
        for (CdrField field : CDR_FIELDS) {
            json.writeFieldName(field.name());
            writeValue(json, field.value().apply(call));
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else {
            throw new IllegalStateException("no wire format for " + value.getClass());
        }
    }

    private static void writePagination(JsonGenerator json, CdrPage page) throws IOException {
        json.writeObjectFieldStart("pagination");
        json.writeNumberField("page", page.page());
        json.writeNumberField("per_page", page.perPage());
        json.writeNumberField("total", page.total());
        json.writeNumberField("pages", page.pages());
        json.writeBooleanField("has_next", page.hasNext());
        json.writeBooleanField("has_prev", page.hasPrev());
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, CdrSummary summary) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("totalCalls", summary.totalCalls());
        json.writeNumberField("answeredCalls", summary.answeredCalls());
        json.writeNumberField("answerRate", summary.answerRate());
        json.writeStringField("avgCallDuration", summary.avgCallDuration());
        json.writeNumberField("total_duration_seconds", summary.totalDurationSeconds());
        json.writeNumberField("total_billable_seconds", summary.totalBillableSeconds());
        json.writeNumberField("total_cost", summary.totalCost());
        json.writeFieldName("last_call_at");
        writeValue(json, summary.lastCallAt());
        json.writeEndObject();
    }

    /** Newer Account shape (docs/vobiz-contract.md#customer-record), field order as src/test/resources/vendor/partner-customer/get.json. */
    private static void writeAccount(JsonGenerator json, SimulatedCustomer customer) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", customer.name());
        json.writeStringField("email", customer.email());
        json.writeStringField("phone", customer.phone());
        json.writeNullField("description");
        json.writeStringField("gstin", customer.gstin());
        json.writeStringField("gst_status", customer.gstin() == null ? null : "active");
        json.writeBooleanField("tds_enabled", false);
        json.writeNumberField("tds_percentage", 2);
        json.writeStringField("business_type", customer.businessType());
        json.writeStringField("id", customer.id());
        json.writeStringField("auth_id", customer.authId());
        json.writeStringField("api_id", customer.apiId());
        json.writeStringField("account_type", "standard");
        json.writeStringField("role", "user");
        json.writeBooleanField("postpaid", false);
        json.writeStringField("address", customer.address());
        json.writeStringField("city", customer.city());
        json.writeStringField("state", customer.state());
        json.writeStringField("timezone", customer.timezone());
        json.writeStringField("country", customer.country());
        json.writeStringField("zip_code", customer.zipCode());
        json.writeStringField("company", customer.company());
        json.writeStringField("billing_mode", "prepaid");
        json.writeBooleanField("auto_recharge", false);
        json.writeStringField("cash_credits", customer.cashCredits().toPlainString());
        json.writeNumberField("cps_limit", customer.cpsLimit());
        json.writeNumberField("concurrent_calls_limit", customer.concurrentCallsLimit());
        json.writeNullField("base_cps_limit");
        json.writeNullField("base_concurrent_calls_limit");
        json.writeNullField("purchased_cps");
        json.writeNullField("purchased_concurrent_calls");
        json.writeBooleanField("is_active", customer.active());
        json.writeBooleanField("is_verified", customer.verified());
        json.writeBooleanField("is_trial_account", customer.trialAccount());
        json.writeBooleanField("enabled", customer.active());
        json.writeStringField("kyc_status", customer.kycStatus());
        json.writeNullField("google_id");
        json.writeNullField("referral_code");
        json.writeBooleanField("referral_disabled", false);
        json.writeNullField("custom_referrer_reward_amount");
        json.writeNullField("custom_referee_reward_amount");
        json.writeStringField("created_at", ACCOUNT_TIMESTAMP.format(customer.createdAt()));
        json.writeStringField("updated_at", ACCOUNT_TIMESTAMP.format(customer.updatedAt()));
        json.writeStringField("last_login",
                customer.lastLogin() == null ? null : ACCOUNT_TIMESTAMP.format(customer.lastLogin()));
        PricingTier tier = customer.pricingTier();
        json.writeStringField("pricing_tier_id", tier.id());
        json.writeObjectFieldStart("pricing_tier");
        json.writeStringField("id", tier.id());
        json.writeStringField("name", tier.name());
        json.writeStringField("currency", tier.currency());
        json.writeNumberField("rate_per_minute", tier.ratePerMinute());
        json.writeNumberField("streaming_rate_per_minute", tier.streamingRatePerMinute());
        json.writeNumberField("recording_rate_per_minute", tier.recordingRatePerMinute());
        json.writeNumberField("whatsapp_voice_rate", tier.whatsappVoiceRate());
        json.writeNumberField("transcription_rate_per_minute", tier.transcriptionRatePerMinute());
        json.writeNumberField("pii_redaction_rate_per_minute", tier.piiRedactionRatePerMinute());
        json.writeBooleanField("charge_non_connected_calls", true);
        json.writeNumberField("non_connected_call_fee", tier.nonConnectedCallFee());
        json.writeNumberField("did_release_fee", tier.didReleaseFee());
        json.writeBooleanField("is_active", true);
        json.writeBooleanField("is_default", false);
        json.writeNullField("partner_id");
        json.writeEndObject();
        json.writeStringField("partner_id", customer.partnerId());
        json.writeNullField("auto_recharge_config");
        json.writeStringField("resource_uri", "/v1/Account/" + customer.authId() + "/");
        json.writeStringField("auth_token", customer.authToken());
        json.writeEndObject();
    }
}
