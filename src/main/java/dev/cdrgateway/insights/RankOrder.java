package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;

/** Which end of a ranking comes first. */
@Description("Which end of a ranking comes first. Ties are always broken by customer id, ascending.")
public enum RankOrder {
    @Description("Largest values first (the biggest spenders, the best answer rates).")
    HIGHEST_FIRST,
    @Description("Smallest values first (e.g. the worst answer rates).")
    LOWEST_FIRST
}
