package dev.cdrgateway.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;

import java.util.List;

/**
 * What the transport needs from a document that passed {@link DocumentChecks}: each operation's name and type.
 * Holds no data and no tenant, so it may be cached by the document's text.
 */
record CheckedDocument(List<Operation> operations) {

    /** One operation of the document. */
    record Operation(String name, OperationDefinition.Operation type) {
    }

    static CheckedDocument of(Document document) {
        return new CheckedDocument(document.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(o -> new Operation(o.getName(), o.getOperation())).toList());
    }
}
