package dev.cdrgateway.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One generated call. Only independent facts are stored; the derived CDR fields ({@code duration},
 * {@code total_cost}, {@code answer_time}, {@code end_time}, ...) are computed here so the documented
 * invariants ({@code duration == ring_time + billsec}, {@code answer_time == null <=> billsec == 0},
 * {@code total_cost == cost + streaming_cost}) hold by construction.
 *
 * @param startEpochSecond call start, UTC, whole seconds (the CDR timestamp format has no fraction)
 * @param progressed       whether the call reached early media / ringing; {@code progress_time} is null otherwise
 */
record SimulatedCall(
        long id,
        String uuid,
        String accountId,
        boolean inbound,
        String callerIdName,
        String callerIdNumber,
        String destinationNumber,
        int ringTime,
        int billsec,
        long startEpochSecond,
        boolean progressed,
        BigDecimal cost,
        BigDecimal streamingCost,
        String currency,
        SimulatedHangup hangup,
        String bridgeUuid,
        String sipCallId,
        String sipUserAgent,
        String codec,
        BigDecimal mos,
        BigDecimal jitter,
        BigDecimal packetLoss,
        String networkAddr,
        String carrierIp,
        String context,
        String region,
        String originationRegion,
        String campaignId,
        String customerEndpoint,
        String trunkId,
        String terminatedTo) {

    SimulatedCall withId(long newId) {
        return new SimulatedCall(newId, uuid, accountId, inbound, callerIdName, callerIdNumber,
                destinationNumber, ringTime, billsec, startEpochSecond, progressed, cost, streamingCost,
                currency, hangup, bridgeUuid, sipCallId, sipUserAgent, codec, mos, jitter, packetLoss,
                networkAddr, carrierIp, context, region, originationRegion, campaignId, customerEndpoint,
                trunkId, terminatedTo);
    }

    /**
     * The same kind of call made again: same customer, parties and outcome, with a new id and uuid, starting
     * at {@code startEpochSecond} (live mode).
     */
    SimulatedCall again(long newId, String newUuid, long startEpochSecond) {
        return new SimulatedCall(newId, newUuid, accountId, inbound, callerIdName, callerIdNumber,
                destinationNumber, ringTime, billsec, startEpochSecond, progressed, cost, streamingCost,
                currency, hangup, bridgeUuid == null ? null : newUuid, sipCallId == null ? null : newUuid + "@sim",
                sipUserAgent, codec, mos, jitter, packetLoss, networkAddr, carrierIp, context, region,
                originationRegion, campaignId, customerEndpoint, trunkId, terminatedTo);
    }

    String callDirection() {
        return inbound ? "inbound" : "outbound";
    }

    int duration() {
        return ringTime + billsec;
    }

    boolean answered() {
        return billsec > 0;
    }

    BigDecimal totalCost() {
        return cost.add(streamingCost);
    }

    Instant startTime() {
        return Instant.ofEpochSecond(startEpochSecond);
    }

    Instant answerTime() {
        return answered() ? Instant.ofEpochSecond(startEpochSecond + ringTime) : null;
    }

    Instant endTime() {
        return Instant.ofEpochSecond(startEpochSecond + duration());
    }

    Instant progressTime() {
        return progressed ? Instant.ofEpochSecond(startEpochSecond + 1) : null;
    }

    SimulatedStatus status() {
        return SimulatedStatus.of(billsec, hangup.cause());
    }
}
