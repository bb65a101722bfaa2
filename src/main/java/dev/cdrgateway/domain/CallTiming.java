package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** When a call happened and how long it rang and lasted. */
@Description("When a call happened and how long it rang and lasted (all instants in UTC).")
public record CallTiming(
        @Description("When the call started.") OffsetDateTime startedAt,
        @Description("When early media/ringing began; null if never.") OffsetDateTime progressAt,
        @Description("When the callee answered; null when unanswered.") OffsetDateTime answeredAt,
        @Description("When the call ended.") OffsetDateTime endedAt,
        @NonNull @Description("Total duration in seconds (ringing + talk).") int durationSeconds,
        @NonNull @Description("Ringing time in seconds.") int ringSeconds,
        @NonNull @Description("Talk time in seconds (billable seconds).") int talkSeconds) {
}
