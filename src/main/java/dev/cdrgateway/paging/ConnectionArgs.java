package dev.cdrgateway.paging;

import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArguments;

/**
 * The Relay arguments of one connection field, validated: at most one of {@code first}/{@code last}, each in
 * {@code 0..max}; {@code first} defaults when neither is given.
 */
public record ConnectionArgs(Integer first, String after, Integer last, String before) {

    /** The connection arguments of a field, read the way its argument rule and cost read them. */
    public static ConnectionArgs of(FieldArguments arguments) {
        return new ConnectionArgs(arguments.integer("first"), arguments.string("after"), arguments.integer("last"),
                arguments.string("before"));
    }

    /** The most rows a page of these arguments holds, for pricing: {@code first}, else {@code last}, else the default. */
    public int pageSize(int defaultFirst) {
        return first != null ? first : last != null ? last : defaultFirst;
    }

    /**
     * Checks ranges and combinations.
     *
     * @throws BadUserInputException describing what to change
     */
    public ConnectionArgs validated(int defaultFirst, int maxFirst) {
        if (first != null && last != null) {
            throw new BadUserInputException("Pass either `first` (with `after`) or `last` (with `before`), not both");
        }
        checkRange("first", first, maxFirst);
        checkRange("last", last, maxFirst);
        if (first == null && last == null) {
            return new ConnectionArgs(defaultFirst, after, null, before);
        }
        return this;
    }

    private static void checkRange(String name, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new BadUserInputException("`" + name + "` must be between 0 and " + max + ", got " + value);
        }
    }
}
