package dev.cdrgateway.domain.schema;

import dev.cdrgateway.domain.error.BadUserInputException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The arguments of one field of an operation, as the engine has them before the field runs, read by name. Each
 * reader refuses a value of the wrong shape with a {@link BadUserInputException} naming the argument (with the
 * input object's name in front, e.g. {@code filter.fromDate}), so a rule only states what it requires.
 */
public interface FieldArguments {

    /** The field's schema coordinate, {@code Type.field} (e.g. {@code Customer.calls}). */
    String coordinate();

    /** Whether the argument was given or has a default (an explicit {@code null} counts as given). */
    boolean has(String name);

    /** A String or ID argument; null when absent. */
    String string(String name);

    /** An Int argument; null when absent. */
    Integer integer(String name);

    /** A Date argument (YYYY-MM-DD); null when absent. */
    LocalDate date(String name);

    /** An enum argument; null when absent. */
    <E extends Enum<E>> E enumValue(Class<E> type, String name);

    /** The fields of an input object argument, read the same way; empty when absent. */
    Optional<FieldArguments> input(String name);

    /** The arguments of the field this one is selected in; empty at the top of the operation. */
    Optional<FieldArguments> parent();
}
