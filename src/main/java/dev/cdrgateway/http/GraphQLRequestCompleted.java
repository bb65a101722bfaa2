package dev.cdrgateway.http;

import java.time.Duration;

/**
 * A GraphQL request over HTTP has been answered (CDI event, fired once its response is written): what operators
 * log and measure about it. Holds no token, no credential and no data.
 *
 * @param operation     the operation's name as the client gave it (or the document's only operation's, else
 *                      {@code anonymous}); {@code null} when the request was refused before its document was read
 * @param outcome       {@code ok}, {@code partial} or {@code failed} when GraphQL ran, else {@code ok} or
 *                      {@code rejected} by the HTTP status
 * @param tenant        the caller's tenant, {@code null} when GraphQL did not run
 * @param status        the HTTP status answered
 * @param duration      from arrival to the last byte written
 * @param upstreamCalls calls that reached the upstream provider for it
 */
public record GraphQLRequestCompleted(String operation, String outcome, String tenant, int status, Duration duration,
                                      int upstreamCalls) {
}
