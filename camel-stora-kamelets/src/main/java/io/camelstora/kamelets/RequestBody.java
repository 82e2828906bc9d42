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

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The request body of a task-shaped Kamelet action, built from its properties. Each property is a Camel Simple template
 * evaluated against the incoming message ({@code Paid ${body[total][formatted]}}, {@code ${header.CamelStoraWebhookResourceId}}),
 * so a no-code user maps fields without writing a route. A JSON text body (what Kamelet sources and Pipes carry) is read
 * into a Map first, so that {@code ${body[field]}} works. Templates that evaluate to nothing or blank leave their field
 * out, so optional references are not sent as {@code {"id": null}}.
 * <p>
 * Simple's {@code map(...)} function cannot do this: it splits its arguments on commas, so user text containing one breaks
 * it, and it cannot leave out a field.
 */
public abstract class RequestBody implements Processor {

    private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) throws Exception {
        readJsonBody(exchange);
        ObjectNode body = KameletJson.MAPPER.createObjectNode();
        build(body, exchange);
        exchange.getMessage().setBody(body);
    }

    /** Reads a JSON object text body into a Map, so that templates can say {@code ${body[field]}}. */
    protected static void readJsonBody(Exchange exchange) {
        Message in = exchange.getMessage();
        Object json = jsonObject(exchange, in.getBody());
        if (json != null) {
            in.setBody(json);
        }
    }

    /** Adds the fields of the request to {@code body}. */
    protected abstract void build(ObjectNode body, Exchange exchange);

    /** Sets {@code field} to the evaluated template, unless it evaluates to nothing. */
    protected void text(ObjectNode body, String field, String template, Exchange exchange) {
        String value = evaluate(template, exchange);
        if (value != null) {
            body.put(field, value);
        }
    }

    /** Sets {@code field} to a Stora reference {@code {"id": ...}}, unless the template evaluates to nothing. */
    protected void reference(ObjectNode body, String field, String template, Exchange exchange) {
        String id = evaluate(template, exchange);
        if (id != null) {
            body.putObject(field).put("id", id);
        }
    }

    /** Fails naming the Kamelet property when a required template evaluates to nothing, before any HTTP call. */
    protected static void require(ObjectNode body, String field, String property, String kamelet) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("The property " + property + " of " + kamelet
                    + " evaluated to nothing for this message, and Stora requires " + field);
        }
    }

    /** The template evaluated against the message, stripped, or null when it evaluates to nothing. */
    protected String evaluate(String template, Exchange exchange) {
        if (template == null || template.isBlank()) {
            return null;
        }
        Expression expression = expressions.computeIfAbsent(template, t -> compile(exchange.getContext(), t));
        String value = expression.evaluate(exchange, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Expression compile(CamelContext context, String template) {
        Expression expression = context.resolveLanguage("simple").createExpression(template);
        expression.init(context);
        return expression;
    }

    /** The body as a Map when it is the text of a JSON object, else null (the body is then left as it is). */
    private static Object jsonObject(Exchange exchange, Object body) {
        if (!(body instanceof String || body instanceof byte[] || body instanceof InputStream)) {
            return null;
        }
        String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
        if (text == null || !text.stripLeading().startsWith("{")) {
            if (body instanceof InputStream) {
                exchange.getMessage().setBody(text); // the stream is consumed: keep what it held
            }
            return null;
        }
        try {
            JsonNode node = KameletJson.MAPPER.readTree(text);
            return node.isObject() ? KameletJson.MAPPER.convertValue(node, Map.class) : text;
        } catch (java.io.IOException e) {
            return text; // not JSON after all: the templates see the text
        }
    }
}
