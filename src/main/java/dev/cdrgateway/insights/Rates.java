package dev.cdrgateway.insights;

/** Percentages as the gateway shows them everywhere: 0-100 with one decimal, 0 for an empty base. */
final class Rates {

    private Rates() {
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? 0 : round1(part * 100.0 / whole);
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
