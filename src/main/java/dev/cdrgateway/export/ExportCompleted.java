package dev.cdrgateway.export;

import java.time.Duration;

/**
 * A CSV export has ended (CDI event): what operators log about it. Holds no token and no call data.
 *
 * @param tenant   the caller's tenant, {@code null} when the request had no verified caller
 * @param outcome  {@code ok}, {@code rejected} (an error answer before the first CSV byte), {@code aborted} (a
 *                 failure after it: the connection was reset) or {@code cancelled} (the client went away)
 * @param status   the HTTP status answered
 * @param rows     CSV rows written
 * @param duration from arrival to the end
 */
public record ExportCompleted(String tenant, String outcome, int status, long rows, Duration duration) {
}
