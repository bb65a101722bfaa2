package dev.cdrgateway.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A scrape of {@code /q/metrics} parsed as the Prometheus text exposition format: each sample is a metric name, its
 * label set and a value, so tests compare numbers before and after an action rather than searching the text.
 */
public final class Metrics {

    /** One sample line: {@code name{label="value",...} number}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final String text;

    private Metrics(List<Sample> samples, String text) {
        this.samples = samples;
        this.text = text;
    }

    /** GETs {@code /q/metrics} (HTTP 200 expected) and parses it. */
    public static Metrics scrape() {
        return parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** Parses Prometheus text: comment lines skipped, label values unescaped ({@code \\}, {@code \"}, {@code \n}). */
    public static Metrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new Metrics(samples, text);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).trim();
                if (line.charAt(eq + 1) != '"') {
                    throw new AssertionError("unquoted label value in: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new AssertionError("label " + label + " twice in: " + line);
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).trim().split("\\s+"); // value, then an optional timestamp
        return new Sample(name, labels, number(rest[0]));
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Every sample. */
    public List<Sample> samples() {
        return samples;
    }

    /** The raw text that was scraped. */
    public String text() {
        return text;
    }

    /**
     * The sum of the samples named {@code name} whose labels include every given pair (key, value, ...); 0 when none
     * matches, as a counter that has not been created yet counts 0.
     */
    public double sum(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** The samples named {@code name} whose labels include every given pair, for failure messages. */
    public List<Sample> matching(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** Whether a sample named {@code name} has exactly this label set (key, value, ...). */
    public boolean has(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().equals(wanted));
    }

    /** The sample named {@code name} with exactly this label set; fails when there is none. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .mapToDouble(Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + wanted));
    }

    private static Map<String, String> pairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in key, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return map;
    }
}
