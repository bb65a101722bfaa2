package dev.cdrgateway.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Query cost limits, all checked before any upstream call ({@code gateway.limits.*}). */
@ConfigMapping(prefix = "gateway.limits")
public interface LimitsConfig {
    /** Maximum depth of an operation's selection. */
    @WithDefault("12")
    int maxDepth();

    /**
     * Maximum complexity: every field costs 1, and a connection's or list's selection costs its
     * {@code first}/{@code last}/{@code limit} times (the default page size when absent). The default admits
     * a 500-row page of about 50 fields.
     */
    @WithDefault("25000")
    int maxComplexity();

    /** Maximum aliased fields in one operation, counted with its fragments expanded. */
    @WithDefault("30")
    int maxAliases();

    /**
     * Maximum fields one operation selects once its fragments are expanded (every spread counts its
     * fragment's fields again), checked on the document before anything expands it. GraphiQL's
     * introspection query selects about 150; a dashboard page a few dozen.
     */
    @WithDefault("2000")
    int maxFieldVisits();

    /**
     * Longest name or number literal a document may hold (outside string literals): graphql-java's lexer
     * spends microseconds per character on long numbers.
     */
    @WithDefault("256")
    int maxTokenChars();

    /** Longest run of blanks (spaces, tabs, commas, line breaks) a document may hold. */
    @WithDefault("4096")
    int maxBlankRun();

    /** Largest request body of {@code POST /graphql}, in bytes (HTTP 413 beyond). */
    @WithDefault("262144")
    int maxBodyBytes();


    /** Maximum parser tokens of one document. */
    @WithDefault("3000")
    int maxTokens();
}
