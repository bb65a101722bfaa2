package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArguments;
import graphql.execution.instrumentation.fieldvalidation.FieldAndArguments;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLNamedType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link FieldArguments} over graphql-java's argument values of a field: before execution
 * ({@link FieldAndArguments}) or in the normalized operation the cost is summed over. Values arrive coerced by
 * the schema, or as raw literals where a scalar did not coerce them, so each reader accepts both.
 */
final class ArgumentValues implements FieldArguments {

    private final String coordinate;
    private final Map<String, Object> values;
    private final String prefix;
    private final Supplier<Optional<FieldArguments>> parent;

    private ArgumentValues(String coordinate, Map<String, Object> values, String prefix,
                           Supplier<Optional<FieldArguments>> parent) {
        this.coordinate = coordinate;
        this.values = values;
        this.prefix = prefix;
        this.parent = parent;
    }

    /** The arguments of a field about to be validated. */
    static ArgumentValues of(FieldAndArguments field) {
        FieldAndArguments above = field.getParentFieldAndArguments();
        return new ArgumentValues(coordinate(field), field.getArgumentValuesByName(), "",
                () -> Optional.ofNullable(above).map(ArgumentValues::of));
    }

    /** The arguments of a field of the normalized operation, as a field of {@code type}. */
    static ArgumentValues of(String type, ExecutableNormalizedField field) {
        ExecutableNormalizedField above = field.getParent();
        return new ArgumentValues(type + "." + field.getName(), field.getResolvedArguments(), "",
                () -> Optional.ofNullable(above).map(a -> of(a.getObjectTypeNames().iterator().next(), a)));
    }

    /** {@code Type.field} of a field about to be validated. */
    static String coordinate(FieldAndArguments field) {
        return ((GraphQLNamedType) field.getParentType()).getName() + "." + field.getFieldDefinition().getName();
    }

    @Override
    public String coordinate() {
        return coordinate;
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    @Override
    public String string(String name) {
        return (String) values.get(name);
    }

    @Override
    public Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return parse(() -> Integer.valueOf(value.toString()), "`" + prefix + name + "` must be an integer");
    }

    @Override
    public LocalDate date(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return parse(() -> LocalDate.parse(value.toString()),
                "`" + prefix + name + "` must be a real calendar date written YYYY-MM-DD, e.g. 2026-03-25");
    }

    @Override
    public <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        Object value = values.get(name);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        return parse(() -> Enum.valueOf(type, value.toString()),
                "`" + prefix + name + "` must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<FieldArguments> input(String name) {
        if (!(values.get(name) instanceof Map<?, ?> fields)) {
            return Optional.empty();
        }
        return Optional.of(new ArgumentValues(coordinate, (Map<String, Object>) fields, prefix + name + ".",
                Optional::empty));
    }

    @Override
    public Optional<FieldArguments> parent() {
        return parent.get();
    }

    private static <T> T parse(Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new BadUserInputException(message);
        }
    }
}
