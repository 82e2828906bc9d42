/*
 * Copyright 2026 the camel-stora authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelstora.kamelets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The input of a generated action Kamelet: its path parameters (Simple templates over the incoming message, e.g.
 * {@code ${body[contact][id]}}) as the {@code CamelStora...Id} headers of the operation, and the request body as the
 * operation takes it:
 * <ul>
 * <li>{@link BodyMode#MESSAGE}: the incoming message is the request (create, update, base price);</li>
 * <li>{@link BodyMode#TEMPLATE}: the {@code body} property, a template of a JSON object, or no body when it is empty (state
 * changes: finalize, win, reserve...);</li>
 * <li>{@link BodyMode#NONE}: no body (deletes).</li>
 * </ul>
 * A required template that evaluates to nothing fails naming the Kamelet property, before any call.
 */
public class OperationInput extends RequestBody {

    /** How the request body is made. */
    public enum BodyMode {
        MESSAGE,
        TEMPLATE,
        NONE
    }

    private String kamelet;
    private StoraOperation operation;
    private BodyMode bodyMode = BodyMode.MESSAGE;
    private String body;
    /** The templates of the operation's path parameters, in path order. */
    private final String[] parameters = new String[2];

    @Override
    public void process(Exchange exchange) {
        readJsonBody(exchange);
        Message in = exchange.getMessage();
        for (int i = 0; i < operation.pathParameters().size(); i++) {
            PathParameter parameter = operation.pathParameters().get(i);
            String value = evaluate(parameters[i], exchange);
            if (value == null) {
                throw new IllegalArgumentException("The property " + parameter.optionName() + " of " + kamelet
                        + " evaluated to nothing for this message, and " + operation.uri() + " needs it");
            }
            in.setHeader(parameter.headerName(), value);
        }
        switch (bodyMode) {
            case MESSAGE -> {
                // the message is the request as it is (a Map, JSON text or a Jackson node)
            }
            case NONE -> in.setBody(null);
            case TEMPLATE -> in.setBody(templateBody(exchange));
        }
    }

    private JsonNode templateBody(Exchange exchange) {
        String json = evaluate(body, exchange);
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = KameletJson.MAPPER.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, with the text
        }
        throw new IllegalArgumentException("The property body of " + kamelet + " is not a JSON object for this message: "
                + json);
    }

    @Override
    protected void build(com.fasterxml.jackson.databind.node.ObjectNode ignored, Exchange exchange) {
        throw new UnsupportedOperationException("process builds the request");
    }

    public void setKamelet(String kamelet) {
        this.kamelet = kamelet;
    }

    /** The operation as {@code resource/action}. */
    public void setOperation(String operation) {
        String[] parts = operation.split("/", 2);
        this.operation = StoraResource.fromUriName(parts[0]).flatMap(r -> StoraOperation.find(r, parts[1]))
                .orElseThrow(() -> new IllegalArgumentException("No Stora operation " + operation));
    }

    public void setBodyMode(BodyMode bodyMode) {
        this.bodyMode = bodyMode;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** The template of the first path parameter of the operation. */
    public void setParameter(String template) {
        parameters[0] = template;
    }

    /** The template of the second path parameter (the line item of an order). */
    public void setSecondParameter(String template) {
        parameters[1] = template;
    }
}
