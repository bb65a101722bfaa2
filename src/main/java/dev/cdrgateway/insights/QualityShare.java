package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** How many of the measured calls crossed a threshold. */
@Description("How many calls with quality data crossed a threshold, and their share of the calls with quality data.")
public record QualityShare(
        @NonNull @Description("Number of calls.") int calls,
        @NonNull @Description("calls / callsWithQualityData in percent (0-100), one decimal; 0 when no call has "
                + "quality data.") double sharePercent) {

    static QualityShare of(int calls, int measured) {
        return new QualityShare(calls, Rates.percent(calls, measured));
    }
}
