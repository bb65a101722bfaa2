package dev.cdrgateway.graphql;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Input coercion as the GraphQL specification defines it (section 3.5, "Input Coercion"), for literals and for
 * variable values alike. SmallRye GraphQL's own {@code Int}, {@code Float} and {@code ID} are lenient: they took
 * {@code first: "20"}, a string or a float variable for an {@code Int}, and numbers beyond 32 bits. This swaps
 * them for strict ones in the executable schema:
 * <ul>
 *   <li>{@code Int}: an integer literal, or a JSON number with no fractional part, within 32 bits; never a string;</li>
 *   <li>{@code Float}: a numeric literal or JSON number; never a string;</li>
 *   <li>{@code ID}: a string or an integer (literal or JSON), turned into a string; never a float, boolean or object.</li>
 * </ul>
 * Each refusal is a request error (graphql-java reports it as a validation or coercion error, which
 * {@link ErrorCodes} turns into {@code BAD_USER_INPUT}) before any field runs. {@code Date} and {@code DateTime}
 * (SmallRye's, strings only, literal or variable) and the enums (graphql-java's: enum literals, or the value's
 * name as a string variable) are already strict; their formats and values are checked with the arguments.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    /** The schema with the strict scalars in place of SmallRye's lenient ones of the same names. */
    static GraphQLSchema apply(GraphQLSchema schema) {
        Map<String, GraphQLScalarType> strict = Map.of(
                "Int", Scalars.GraphQLInt,
                "Float", Scalars.GraphQLFloat,
                "ID", GraphQLScalarType.newScalar(Scalars.GraphQLID).coercing(new StrictId()).build());
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node,
                                                           TraverserContext<GraphQLSchemaElement> context) {
                GraphQLScalarType replacement = strict.get(node.getName());
                return replacement == null || replacement == node ? TraversalControl.CONTINUE
                        : changeNode(context, replacement);
            }
        });
    }

    /** The specification's ID: serialised as a string; accepts a string or an integer as input. */
    private static final class StrictId implements Coercing<Object, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String || value instanceof Number || value instanceof java.util.UUID) {
                return value.toString();
            }
            throw new CoercingSerializeException("An ID must be a string or an integer");
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return text;
            }
            if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                return input.toString();
            }
            if (input instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigIntegerExact().toString();
            }
            throw new CoercingParseValueException("An ID must be a string or an integer");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue string) {
                return string.getValue();
            }
            if (input instanceof IntValue integer) {
                return integer.getValue().toString();
            }
            throw new CoercingParseLiteralException("An ID must be a string or an integer");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(input.toString()).build();
        }
    }
}
