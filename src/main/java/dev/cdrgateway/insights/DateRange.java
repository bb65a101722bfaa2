package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inclusive range of UTC calendar days. */
@Description("An inclusive range of UTC calendar days.")
public record DateRange(
        @NonNull @Description("First day (UTC, inclusive).") LocalDate fromDate,
        @NonNull @Description("Last day (UTC, inclusive).") LocalDate toDate,
        @NonNull @Description("Number of days in the range.") int days) {

    static DateRange of(LocalDate from, LocalDate to) {
        return new DateRange(from, to, (int) ChronoUnit.DAYS.between(from, to) + 1);
    }

    /** For explanations: one day, or "from to". */
    String text() {
        return fromDate.equals(toDate) ? fromDate.toString() : fromDate + " to " + toDate;
    }
}
