package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Which operation of a document a request runs: the one named by {@code operationName}, or the document's only
 * one when no name (or an empty one) is given. graphql-java would otherwise run the first operation for an empty
 * name; an ambiguous choice, or a name of no operation of the document, is refused (400).
 */
final class OperationSelection {

    private OperationSelection() {
    }

    /** The selected operation, or {@code null} after answering 400. */
    static CheckedDocument.Operation select(RoutingContext rc, CheckedDocument document, String operationName) {
        List<CheckedDocument.Operation> operations = document.operations();
        if (operationName == null || operationName.isEmpty()) {
            if (operations.size() == 1) {
                return operations.get(0);
            }
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, operations.isEmpty() ? "The document holds no operation"
                    : "The document holds " + operations.size() + " operations: name the one to run in `operationName`");
            return null;
        }
        for (CheckedDocument.Operation operation : operations) {
            if (operationName.equals(operation.name())) {
                return operation;
            }
        }
        ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`operationName` names no operation of the document");
        return null;
    }

    /** The operation's name for logs and metrics: the requested one, else the single operation's, else anonymous. */
    static String name(String requested, CheckedDocument document) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        List<CheckedDocument.Operation> operations = document.operations();
        return operations.size() == 1 && operations.get(0).name() != null ? operations.get(0).name() : "anonymous";
    }
}
