package io.camelstora.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.http.StoraJson;

/** The Java type a JSON response body is handed to the route as. */
public enum StoraOutputType {
    /** {@code java.util.Map} for a record, {@code java.util.List} of maps for a list: works with simple and YAML. */
    MAP,
    /** Jackson {@code JsonNode} (ObjectNode / ArrayNode), exact numbers. */
    JSON_NODE,
    /** The JSON text. */
    STRING;

    /** The node as this type; {@code null} stays {@code null}. */
    public Object convert(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (this) {
            case MAP -> StoraJson.MAPPER.convertValue(node, Object.class);
            case JSON_NODE -> node;
            case STRING -> node.toString();
        };
    }
}
