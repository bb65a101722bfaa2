package dev.cdrgateway.insights;

/**
 * What the fields of this package add to an operation's complexity for the upstream reads they fan out to (on top
 * of the usual 1 per field, and of {@code top}/{@code first} multiplying their selection), so a few of them fit
 * in {@code gateway.limits.max-complexity} (25000) but not dozens: a leaderboard reads up to
 * {@code max-customers} customers, a quality report up to {@code max-calls / 100} pages, an anomaly report 8
 * summaries.
 */
public final class InsightsCost {

    /** A leaderboard: a fan-out over up to 500 customers. */
    static final int LEADERBOARD = 2500;
    /** A quality report: up to 10 pages of 100 calls. */
    static final int QUALITY = 250;
    /** An anomaly report: 8 summary reads. */
    static final int ANOMALIES = 20;

    private InsightsCost() {
    }

    /** The surcharge of a field by name; 0 for fields of other packages. */
    public static int surcharge(String fieldName) {
        return switch (fieldName) {
            case "leaderboard" -> LEADERBOARD;
            case "callQuality" -> QUALITY;
            case "anomalies" -> ANOMALIES;
            default -> 0;
        };
    }
}
