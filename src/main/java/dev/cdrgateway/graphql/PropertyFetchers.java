package dev.cdrgateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plain properties of the result types (a {@code Call}'s {@code uuid}, its {@code timing}, a summary's counts) are
 * read by graphql-java {@link LightDataFetcher}s instead of SmallRye's {@link FieldDataFetcher}.
 * <p>
 * SmallRye's fetcher is built for resolvers: for every field of every row it fills its request context (the selected
 * fields as JSON-P arrays, which also builds graphql-java's normalized operation, and the path as a string), and
 * graphql-java builds a {@link DataFetchingEnvironment} for it. A 20-call page has about 220 such fields, and that
 * machinery was most of the gateway's CPU per request. A property needs none of it: nothing reads SmallRye's context
 * while a record's accessor runs. So the fetcher here calls the same accessor SmallRye would (the method or public
 * field SmallRye's schema model names) and hands the value to graphql-java as it is.
 * <p>
 * Values SmallRye converts on the way out keep its conversion ({@link FieldHelper}, the same code its fetcher
 * runs), without the context: scalars whose Java class is not the GraphQL scalar's (an {@code OffsetDateTime}
 * served as {@code DateTime}, formatted by SmallRye), adapters, maps, arrays and optionals. Resolvers
 * ({@code @Query}, {@code @Source} fields) are not touched: they keep SmallRye's fetchers, context and events.
 */
final class PropertyFetchers {

    private static final Set<String> OPTIONAL_PRIMITIVES =
            Set.of("java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    private PropertyFetchers() {
    }

    /** The schema with every SmallRye property fetcher replaced by a {@link PropertyFetcher}. */
    static GraphQLSchema apply(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry.Builder light = GraphQLCodeRegistry.newCodeRegistry(registry);
        int replaced = 0;
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, definition);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, definition);
                if (fetcher.getClass() == FieldDataFetcher.class) {
                    light.dataFetcher(coordinates, PropertyFetcher.of((FieldDataFetcher<?>) fetcher));
                    replaced++;
                }
            }
        }
        if (replaced == 0) {
            throw new IllegalStateException("No SmallRye property fetcher found to replace: has SmallRye changed?");
        }
        GraphQLCodeRegistry codeRegistry = light.build();
        return schema.transform(builder -> builder.codeRegistry(codeRegistry));
    }

    /** Reads one property of the source object; converts it only where SmallRye's fetcher would. */
    static final class PropertyFetcher implements LightDataFetcher<Object> {

        private final Method accessor;
        private final java.lang.reflect.Field publicField;
        private final FieldHelper conversion;

        private PropertyFetcher(Method accessor, java.lang.reflect.Field publicField, FieldHelper conversion) {
            this.accessor = accessor;
            this.publicField = publicField;
            this.conversion = conversion;
        }

        static PropertyFetcher of(FieldDataFetcher<?> smallRyes) {
            Field field = modelField(smallRyes, "field", Field.class);
            Reference owner = modelField(smallRyes, "owner", Reference.class);
            Class<?> ownerClass = ClassloadingService.get().loadClass(owner.getClassName());
            FieldHelper conversion = convertedBySmallRye(field) ? new FieldHelper(field) : null;
            try {
                return field.getMethodName() == null
                        ? new PropertyFetcher(null, ownerClass.getField(field.getPropertyName()), conversion)
                        : new PropertyFetcher(ownerClass.getMethod(field.getMethodName()), null, conversion);
            } catch (NoSuchMethodException | NoSuchFieldException e) {
                throw new IllegalStateException("No accessor for " + owner.getName() + "." + field.getName(), e);
            }
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source,
                          Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            Object value = read(source);
            if (conversion == null || value == null) {
                return value;
            }
            try {
                return conversion.transformOrAdaptResponse(value, environment.get());
            } catch (AbstractDataFetcherException e) {
                return value; // as SmallRye's fetcher does: the unconverted value, which graphql-java then reports
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        private Object read(Object source) throws Exception {
            if (publicField != null) {
                return publicField.get(source);
            }
            try {
                return accessor.invoke(source);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /**
     * Whether SmallRye's fetcher would change the value: the cases its {@code FieldHelper} handles (a scalar whose
     * Java class differs from the GraphQL scalar's, an adapter, a map, an array, an optional).
     */
    private static boolean convertedBySmallRye(Field field) {
        Reference reference = field.getReference();
        boolean transformedScalar = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName());
        boolean adapted = field.isAdaptingWith() || field.isAdaptingTo()
                || reference.isAdaptingWith() || reference.isAdaptingTo();
        boolean wrapped = field.hasWrapper() && (field.getWrapper().isMap() || field.getWrapper().isArray()
                || field.getWrapper().isOptional());
        return transformedScalar || adapted || wrapped || OPTIONAL_PRIMITIVES.contains(reference.getClassName());
    }

    /** SmallRye's fetcher keeps its schema model private; it is read once per field, at startup. */
    private static <T> T modelField(FieldDataFetcher<?> fetcher, String name, Class<T> type) {
        try {
            java.lang.reflect.Field field = FieldDataFetcher.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(fetcher));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read SmallRye's field model (" + name + ")", e);
        }
    }
}
