package dev.cdrgateway.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict RFC 4180 reader for asserting on exported CSV (CRLF line ends required, as the gateway writes). */
public final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, which must end with CRLF. */
    public static List<List<String>> parse(String text) {
        if (!text.endsWith("\r\n")) {
            throw new AssertionError("CSV does not end with CRLF");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new AssertionError("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                if (text.charAt(i + 1) != '\n') {
                    throw new AssertionError("bare CR at " + i);
                }
                i++;
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c == '\n') {
                throw new AssertionError("bare LF at " + i);
            } else {
                field.append(c);
            }
        }
        return records;
    }

    /** The data rows as maps keyed by the header row's names. */
    public static List<Map<String, String>> rows(String text) {
        List<List<String>> records = parse(text);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new AssertionError("row with " + record.size() + " cells under a header of " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
