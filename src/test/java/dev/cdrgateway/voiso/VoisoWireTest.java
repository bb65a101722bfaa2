package dev.cdrgateway.voiso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.voiso.dto.VoisoCdr;
import dev.cdrgateway.voiso.dto.VoisoCdrPage;
import dev.cdrgateway.voiso.dto.VoisoData;
import dev.cdrgateway.voiso.dto.VoisoError;
import dev.cdrgateway.voiso.dto.VoisoParty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Voiso reporting API's wire format (docs/voiso-contract.md) read into the wire records: each record type with
 * its own typed {@code data}, both kinds of party, the paging metadata, and what the vendor leaves open (unknown
 * record and party types, nulls, ids as numbers or UUIDs), with a plain Jackson mapper and nothing but the
 * records' annotations.
 */
class VoisoWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageHoldsEveryRecordTypeWithItsOwnData() throws Exception {
        VoisoCdrPage page = JSON.readValue(Vendor.body("voiso/cdrs-page"), VoisoCdrPage.class);

        assertEquals(1250L, page.metadata().total());
        assertEquals("WzE3NzQ0MzI4MDAwMDAsImMwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwNCJd",
                page.metadata().nextCursor());
        assertEquals(List.of("call", "conversation", "hlr_lookup", "sms"),
                page.cdrs().stream().map(VoisoCdr::type).toList());

        VoisoCdr call = page.cdrs().get(0);
        assertEquals("c0000000-0000-4000-8000-000000000001", call.id());
        assertEquals("outbound", call.subtype());
        assertEquals("answered", call.disposition());
        assertEquals("918000000031", assertInstanceOf(VoisoParty.PhoneNumber.class, call.from()).phoneNumber());
        assertEquals("Demo Agent", call.user().name());
        assertEquals(new BigDecimal("0.055"), call.cost());
        assertEquals(List.of("demo", "follow_up"), call.tags());
        assertEquals("2026-03-25T09:00:00.000Z", call.startedAt());
        VoisoData.Call data = assertInstanceOf(VoisoData.Call.class, call.data());
        assertEquals("1", data.queue().id(), "an integer id is kept as text");
        assertEquals("Demo Outreach", data.campaign().name());
        assertEquals(new BigDecimal("100.25"), data.durations().overall());
        assertEquals(new BigDecimal("94.15"), data.durations().talk());
        assertEquals("0001", data.wrapupCode().codeSnapshot());
        assertEquals("Agent confirmed the demo appointment.", data.summary());
        assertEquals(new BigDecimal("4.32"), data.mos());

        VoisoCdr conversation = page.cdrs().get(1);
        VoisoParty.ChannelAccount account = assertInstanceOf(VoisoParty.ChannelAccount.class, conversation.from());
        assertEquals("whatsapp", account.channelAccount().channel());
        assertEquals("918000000032", account.channelAccount().identifier());
        assertEquals("Demo Contact", account.channelAccount().data().name());
        VoisoData.Conversation thread = assertInstanceOf(VoisoData.Conversation.class, conversation.data());
        assertEquals("whatsapp", thread.channel());
        assertTrue(thread.flow().id().contains("-"), "a flow id is a UUID");
        assertEquals("ok", thread.serviceLevelAgreements().firstResponse().status());

        VoisoData.HlrLookup lookup = assertInstanceOf(VoisoData.HlrLookup.class, page.cdrs().get(2).data());
        assertTrue(lookup.reachable() != null && lookup.relatedCall() != null);

        VoisoData.Sms sms = assertInstanceOf(VoisoData.Sms.class, page.cdrs().get(3).data());
        assertTrue(sms.sent());
        assertTrue(sms.segmentsCount() >= 1);
        assertTrue(sms.message() != null && !sms.message().isEmpty());
    }

    @Test
    void anUnknownRecordTypeIsKeptNotAFailure() throws Exception {
        ObjectNode page = Vendor.json("voiso/cdrs-page");
        ObjectNode email = ((ObjectNode) page.withArray("cdrs").get(0)).deepCopy();
        email.put("type", "email");
        email.set("data", JSON.createObjectNode().put("subject", "Hello").put("thread_id", 42));
        email.set("from", JSON.createObjectNode().put("type", "email_address").put("email_address", "a@b.example"));
        ((ArrayNode) page.get("cdrs")).add(email);

        VoisoCdr kept = JSON.treeToValue(page, VoisoCdrPage.class).cdrs().get(4);

        assertEquals("email", kept.type());
        assertInstanceOf(VoisoData.Other.class, kept.data());
        assertEquals("email_address", assertInstanceOf(VoisoParty.Other.class, kept.from()).type());
        assertEquals(email.get("id").asText(), kept.id());
    }

    @Test
    void nullableFieldsMayBeNullOrMissing() throws Exception {
        String record = """
                {"id": "c0000000-0000-4000-8000-00000000000a", "type": "call", "subtype": null, "disposition": null,
                 "from": null, "to": null, "user": null, "cost": null, "tags": null, "started_at": null,
                 "ended_at": null, "data": {"durations": {"overall": 3.5}}}""";

        VoisoCdr cdr = JSON.readValue(record, VoisoCdr.class);

        assertNull(cdr.from());
        assertNull(cdr.user());
        assertNull(cdr.cost());
        VoisoData.Call data = assertInstanceOf(VoisoData.Call.class, cdr.data());
        assertEquals(new BigDecimal("3.5"), data.durations().overall());
        assertNull(data.durations().talk());
        assertNull(data.queue());
    }

    @Test
    void errorBodiesCarryAMessageOrPerParameterMessages() throws Exception {
        assertEquals("Unauthorized", JSON.readValue(Vendor.body("voiso/error-401"), VoisoError.class).error());
        VoisoError invalid = JSON.readValue(Vendor.body("voiso/error-422"), VoisoError.class);
        assertEquals(List.of("must be an ISO 8601 date-time"), invalid.errors().get("started_at"));
        assertNull(invalid.error());
    }
}
