package dev.cdrgateway.hostile;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builders of pathological GraphQL documents and JSON values, shared by the hostile tests and the IT. */
public final class Pathological {

    private Pathological() {
    }

    /** {@code { ...F<levels> }} with F0 holding {@code leaf} and each Fi spreading F(i-1) ten times. */
    public static String bomb(String type, String leaf, int levels) {
        return "{ ...F" + levels + " }" + fragments(type, leaf, levels);
    }

    public static String fragments(String type, String leaf, int levels) {
        StringBuilder doc = new StringBuilder(" fragment F0 on " + type + " { " + leaf + " }");
        for (int i = 1; i <= levels; i++) {
            doc.append(" fragment F").append(i).append(" on ").append(type).append(" {")
                    .append((" ...F" + (i - 1)).repeat(10)).append(" }");
        }
        return doc.toString();
    }

    /** Ten-fold spreads on every level, and every third level also nests the previous one a connection deeper. */
    public static String wideAndDeep() {
        StringBuilder doc = new StringBuilder("{ customer(id: \"MA_DEMO0001\") { ...W6 } }"
                + " fragment W0 on Customer { id name }");
        for (int i = 1; i <= 6; i++) {
            doc.append(" fragment W").append(i).append(" on Customer {").append((" ...W" + (i - 1)).repeat(10));
            if (i % 3 == 0) {
                doc.append(" calls(first: 500) { edges { node { customer { ...W").append(i - 1).append(" } } } }");
            }
            doc.append(" }");
        }
        return doc.toString();
    }

    public static String aliases(int count, String field) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "a" + i + ": " + field)
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    /** {@code {"a": {"a": ... 1 ...}}} nested {@code depth} deep, as JSON text. */
    public static String nested(int depth) {
        return "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
    }
}
