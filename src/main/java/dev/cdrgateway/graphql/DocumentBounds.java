package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.error.ErrorCode;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size of what a document asks for, measured on the document itself before anything expands it: how many
 * fields execution would visit once every fragment spread is expanded in place (the number graphql-java's
 * validation, normalisation, depth and cost checks all work through), and how many of those carry an alias.
 * One pass over the document: each fragment's size is computed once and memoised, a spread adds its fragment's
 * size, so a spread repeated in a fragment that is itself spread multiplies. A fragment that spreads itself,
 * directly or not, is refused here (validation would refuse it too, but only after expanding it).
 *
 * <p>Ten spreads of a fragment that spreads ten of another, seven levels deep, is a 650-byte document that
 * means 10^7 field visits: it is refused after about a hundred steps, where expanding it ran seconds and
 * ran out of heap. The HTTP transport checks each document once (its result cached with the document); as an
 * instrumentation, this class applies the same bounds to documents that arrive another way
 * (WebSocket subscriptions): their text before graphql-java parses it, their structure before it validates it.
 */
public final class DocumentBounds extends SimplePerformantInstrumentation {

    /** Why a document is refused. */
    public record Violation(ErrorCode code, String message) {
    }

    private final int maxFieldVisits;
    private final int maxAliases;
    private final int maxTokenChars;
    private final int maxBlankRun;

    public DocumentBounds(LimitsConfig limits) {
        this.maxFieldVisits = limits.maxFieldVisits();
        this.maxAliases = limits.maxAliases();
        this.maxTokenChars = limits.maxTokenChars();
        this.maxBlankRun = limits.maxBlankRun();
    }

    /**
     * The first bound the document's text exceeds, or empty: one pass over the characters before the parser sees
     * them. graphql-java's lexer spends microseconds per character on long numbers and long runs of white space
     * (a 200,000-digit literal lexed for one to seven seconds, 200,000 spaces for half a second), while names
     * and string literals cost little: so names and numbers may be at most {@code gateway.limits.max-token-chars}
     * characters long and runs of blanks at most {@code gateway.limits.max-blank-run}. String literals are skipped
     * whole.
     */
    public Optional<Violation> textViolation(String text) {
        int token = 0;
        int ignored = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
                token = 0;
                ignored = 0;
            } else if (c == '#') {
                // a comment runs to the end of the line; the lexer skips it cheaply
                while (i + 1 < length && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                    i++;
                }
                token = 0;
            } else if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r' || c == '\uFEFF') {
                token = 0;
                if (++ignored > maxBlankRun) {
                    return Optional.of(new Violation(ErrorCode.QUERY_TOO_LARGE, "The document has a run of more than "
                            + maxBlankRun + " blank characters (gateway.limits.max-blank-run)"));
                }
            } else {
                ignored = 0;
                boolean tokenChar = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+';
                token = tokenChar ? token + 1 : 0;
                if (token > maxTokenChars) {
                    return Optional.of(new Violation(ErrorCode.QUERY_TOO_LARGE, "The document has a name or number "
                            + "longer than " + maxTokenChars + " characters (gateway.limits.max-token-chars)"));
                }
            }
        }
        return Optional.empty();
    }

    /** The index of the last character of the string literal opening at {@code start} (or the text's end). */
    private static int endOfString(String text, int start) {
        int length = text.length();
        if (text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            while (end > 0 && text.charAt(end - 1) == '\\') {
                end = text.indexOf("\"\"\"", end + 3);
            }
            return end < 0 ? length - 1 : end + 2;
        }
        for (int i = start + 1; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return length - 1;
    }

    /** The first bound this document exceeds, or empty. Runs in time linear in the document's size. */
    public Optional<Violation> violation(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), fragment);
        }
        Counter counter = new Counter(fragments, (long) Math.max(maxFieldVisits, maxAliases) + 1);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            Size size;
            try {
                size = counter.size(operation.getSelectionSet());
            } catch (FragmentCycle cycle) {
                return Optional.of(new Violation(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                        "Fragment " + cycle.fragment + " spreads itself (directly or through other fragments)"));
            }
            if (size.visits > maxFieldVisits) {
                return Optional.of(new Violation(ErrorCode.QUERY_TOO_COMPLEX, "The operation selects "
                        + (size.visits >= counter.cap ? "more than " + maxFieldVisits : Long.toString(size.visits))
                        + " fields once its fragments are expanded; at most " + maxFieldVisits
                        + " are allowed per request (gateway.limits.max-field-visits)"));
            }
            if (size.aliases > maxAliases) {
                return Optional.of(new Violation(ErrorCode.TOO_MANY_ALIASES, "The operation has "
                        + (size.aliases >= counter.cap ? "more than " + maxAliases : Long.toString(size.aliases))
                        + " aliased fields once its fragments are expanded; at most " + maxAliases
                        + " are allowed per request (gateway.limits.max-aliases)"));
            }
        }
        return Optional.empty();
    }

    /** Runs when the engine is about to parse: once per distinct document text (SmallRye caches parsed documents). */
    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        textViolation(parameters.getQuery()).ifPresent(DocumentBounds::refuse);
        return super.beginParse(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        violation(parameters.getDocument()).ifPresent(DocumentBounds::refuse);
        return super.beginValidation(parameters, state);
    }

    private static void refuse(Violation violation) {
        throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(violation.message())
                .extensions(Map.of("code", violation.code().name(), "retryable", false))
                .build()));
    }

    /** Field visits and aliased fields of a selection, each saturated at the counter's cap. */
    private record Size(long visits, long aliases) {
    }

    private static final class FragmentCycle extends RuntimeException {
        final String fragment;

        FragmentCycle(String fragment) {
            super(null, null, false, false);
            this.fragment = fragment;
        }
    }

    /** Sizes selections, memoising each fragment's; numbers saturate at {@code cap}, so nothing overflows. */
    private static final class Counter {
        private static final Size IN_PROGRESS = new Size(-1, -1);

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Size> sizes = new HashMap<>();
        private final long cap;

        Counter(Map<String, FragmentDefinition> fragments, long cap) {
            this.fragments = fragments;
            this.cap = cap;
        }

        Size size(SelectionSet selections) {
            if (selections == null) {
                return new Size(0, 0);
            }
            long visits = 0;
            long aliases = 0;
            for (Selection<?> selection : selections.getSelections()) {
                Size part;
                if (selection instanceof Field field) {
                    Size children = size(field.getSelectionSet());
                    part = new Size(children.visits + 1, children.aliases + (field.getAlias() != null ? 1 : 0));
                } else if (selection instanceof InlineFragment inline) {
                    part = size(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    part = fragment(spread.getName());
                } else {
                    continue;
                }
                visits = Math.min(cap, visits + part.visits);
                aliases = Math.min(cap, aliases + part.aliases);
            }
            return new Size(visits, aliases);
        }

        private Size fragment(String name) {
            Size known = sizes.get(name);
            if (known == IN_PROGRESS) {
                throw new FragmentCycle(name);
            }
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null) {
                // An unknown fragment: validation names it; it adds nothing to expand.
                return new Size(0, 0);
            }
            sizes.put(name, IN_PROGRESS);
            Size size = size(definition.getSelectionSet());
            sizes.put(name, size);
            return size;
        }
    }
}
