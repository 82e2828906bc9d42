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
package io.camelstora.component.internal.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.StoraAccount;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.StoraRequestOptions;
import io.camelstora.component.catalog.HttpMethod;
import io.camelstora.component.catalog.ListCapabilities;
import io.camelstora.component.catalog.MetadataRules;
import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.component.internal.auth.StoraTokenEndpoint;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.DefaultExchange;

/**
 * Builds the {@link StoraRequest} of one exchange from the endpoint's options and the message: headers override
 * options, the body becomes JSON. Everything that can be wrong with the input is reported here, naming the option,
 * header or field, before any HTTP call.
 */
public final class StoraRequestFactory {

    /** Stora's list rules, checked on the endpoint options when the endpoint is created and on headers per exchange. */
    public static final int MAX_LIMIT = 100;
    public static final String LIMIT_RULE = "Stora accepts 1 to " + MAX_LIMIT;
    public static final String PAGE_RULE = "pages start at 1";
    public static final String SORT_DIRECTION_RULE = "use ASC or DESC";

    private final StoraEndpoint endpoint;
    private final StoraOperation operation;
    private final PropertyConfigurerGetter optionReader;
    /** Exchange property holding this endpoint's pending Idempotency-Key, see {@link #idempotencyKey}. */
    private final String idempotencyProperty;

    public StoraRequestFactory(StoraEndpoint endpoint, PropertyConfigurerGetter optionReader) {
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
        this.optionReader = optionReader;
        this.idempotencyProperty = "CamelStoraIdempotencyKey." + operation.uri() + "." + System.identityHashCode(endpoint);
    }

    /** The factory of an endpoint, reading its options the way the generated configurer does. */
    public static StoraRequestFactory of(StoraEndpoint endpoint) {
        return new StoraRequestFactory(endpoint,
                (PropertyConfigurerGetter) endpoint.getComponent().getEndpointPropertyConfigurer());
    }

    /** The request the endpoint options alone describe, without message headers or body: what a consumer sends. */
    public StoraRequest forOptions() {
        return create(new DefaultExchange(endpoint.getCamelContext()));
    }

    public StoraRequest create(Exchange exchange) {
        return create(exchange, endpoint.getConfiguration());
    }

    /** @param account whose OAuth application completes the body of oauth/token and oauth/revoke */
    public StoraRequest create(Exchange exchange, StoraAccount account) {
        Message in = exchange.getIn();
        StoraRequestOptions options = endpoint.getRequestOptions();
        StoraFormat format = format(in, options);

        Map<String, String> query = new LinkedHashMap<>();
        putIfPresent(query, "expand", in.getHeader(StoraConstants.EXPAND, options.getExpand(), String.class));
        if (operation.isPaged()) {
            Integer limit = numberHeader(in, StoraConstants.LIMIT, options.getLimit(), MAX_LIMIT, LIMIT_RULE);
            if (limit == null && options.isFetchAllPages()) {
                limit = MAX_LIMIT; // fewest calls for a full export
            }
            putIfPresent(query, "page", numberHeader(in, StoraConstants.PAGE, options.getPage(), Integer.MAX_VALUE, PAGE_RULE));
            putIfPresent(query, "limit", limit);
            putIfPresent(query, "sort_by", in.getHeader(StoraConstants.SORT_BY, options.getSortBy(), String.class));
            putIfPresent(query, "sort_direction", sortDirection(in, options.getSortDirection()));
            // list parameters only: a CamelStoraFilters header left on the message by a lookup must not reach a create
            Map<String, Object> filters = new LinkedHashMap<>(options.getFilters());
            Map<?, ?> headerFilters = in.getHeader(StoraConstants.FILTERS, Map.class);
            if (headerFilters != null) {
                ListCapabilities.of(operation).checkFilters(headerFilters, options.isValidateFilters(),
                        name -> "the key " + name + " of the " + StoraConstants.FILTERS + " header");
                headerFilters.forEach((k, v) -> filters.put(String.valueOf(k), v));
            }
            filters.forEach((name, value) -> putIfPresent(query, name, value));
        }

        byte[] body = null;
        String mediaType = StoraRequest.JSON;
        if (operation.hasBody()) {
            ObjectNode json = bodyAsObject(exchange);
            if (operation.resource() == StoraResource.OAUTH) {
                json = oauthBody(json, account);
            }
            if (json != null) {
                if (endpoint.getConfiguration().isValidateMetadata()) {
                    MetadataRules.check(operation, json);
                }
                if (isFormEncoded(json)) {
                    mediaType = StoraRequest.FORM;
                    body = formEncode(json);
                } else {
                    body = json.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        String key = operation.method() == HttpMethod.POST ? idempotencyKey(exchange) : null;
        return new StoraRequest(operation, path(in), query, body, mediaType, format, key);
    }

    private String path(Message in) {
        String path = operation.pathTemplate();
        for (PathParameter p : operation.pathParameters()) {
            String value = in.getHeader(p.headerName(), String.class);
            if (value == null || value.isBlank()) {
                Object option = optionReader.getOptionValue(endpoint, p.optionName(), false);
                value = option == null ? null : option.toString();
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(operation.uri() + " needs " + p.optionName()
                        + ": set the endpoint option " + p.optionName()
                        + " or the message header " + p.headerName());
            }
            path = path.replace(p.placeholder(), StoraHttpTransport.encodePathSegment(value.trim()));
        }
        return path;
    }

    /**
     * The header {@code name} as a whole number from 1 to {@code max}, or the option (checked when the endpoint was
     * created) when the message has none: a header overriding an option gets the option's check, before any call.
     */
    private Integer numberHeader(Message in, String name, Integer option, int max, String rule) {
        Object header = in.getHeader(name);
        if (header == null) {
            return option;
        }
        Integer value = endpoint.getCamelContext().getTypeConverter().tryConvertTo(Integer.class, in.getExchange(), header);
        if (value == null || value < 1 || value > max) {
            throw new IllegalArgumentException("Header " + name + " of " + operation.uri() + " is '" + header + "'; " + rule);
        }
        return value;
    }

    private String sortDirection(Message in, String option) {
        Object header = in.getHeader(StoraConstants.SORT_DIRECTION);
        if (header == null) {
            return option;
        }
        String value = header.toString();
        if (!isSortDirection(value)) {
            throw new IllegalArgumentException("Header " + StoraConstants.SORT_DIRECTION + " of " + operation.uri() + " is '"
                    + header + "'; " + SORT_DIRECTION_RULE);
        }
        return value;
    }

    public static boolean isSortDirection(String value) {
        return "ASC".equals(value) || "DESC".equals(value);
    }

    private StoraFormat format(Message in, StoraRequestOptions options) {
        Object header = in.getHeader(StoraConstants.FORMAT);
        if (header == null) {
            return options.getFormat(); // checked when the endpoint was created
        }
        StoraFormat format = endpoint.getCamelContext().getTypeConverter().tryConvertTo(StoraFormat.class, in.getExchange(),
                header);
        if (format == null) {
            throw new IllegalArgumentException("Header " + StoraConstants.FORMAT + " of " + operation.uri() + " is '" + header
                    + "'; use one of " + operation.formats().stream().map(StoraFormat::optionValue)
                            .collect(Collectors.joining(", ")));
        }
        checkFormat(endpoint.getOperation(), format);
        return format;
    }

    private ObjectNode bodyAsObject(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return null;
        }
        JsonNode node;
        try {
            if (body instanceof JsonNode n) {
                node = n;
            } else if (body instanceof String s) {
                node = s.isBlank() ? null : StoraJson.MAPPER.readTree(s);
            } else if (body instanceof byte[] || body instanceof java.io.InputStream || body instanceof java.io.Reader) {
                String text = exchange.getContext().getTypeConverter().mandatoryConvertTo(String.class, exchange, body);
                node = text.isBlank() ? null : StoraJson.MAPPER.readTree(text);
            } else {
                node = StoraJson.MAPPER.valueToTree(body);
            }
        } catch (IOException | IllegalArgumentException | org.apache.camel.NoTypeConversionAvailableException e) {
            throw new IllegalArgumentException("The body of " + operation.uri() + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("The body of " + operation.uri() + " must be a JSON object, got a JSON "
                    + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /**
     * Completes the body of the OAuth 2 calls from the account's application, so secrets stay in the configuration:
     * {@code client_id} and {@code client_secret} are added to token and revoke requests that lack them, and a token
     * request without a body asks for a client credentials token with the configured {@code scopes} (without them it is
     * sent empty and Stora says what is missing).
     */
    private ObjectNode oauthBody(ObjectNode body, StoraAccount config) {
        String action = operation.action();
        if (body == null && "token".equals(action) && config.getClientId() != null && config.getClientSecret() != null
                && config.getScopes() != null) {
            body = StoraJson.MAPPER.createObjectNode()
                    .put("grant_type", "client_credentials")
                    .put("scope", StoraTokenEndpoint.scopeParameter(StoraTokenEndpoint.parseScopes(config.getScopes())));
        }
        if (body != null && ("token".equals(action) || "revoke".equals(action))) {
            body = body.deepCopy(); // the message body stays as the route made it
            if (!body.hasNonNull("client_id") && config.getClientId() != null) {
                body.put("client_id", config.getClientId());
            }
            if (!body.hasNonNull("client_secret") && config.getClientSecret() != null) {
                body.put("client_secret", config.getClientSecret());
            }
        }
        return body;
    }

    /**
     * The authorization code and refresh token grants are form-encoded (https://docs.stora.co/2025-09/guides/authentication); every other body,
     * client credentials included (https://docs.stora.co/2025-09/api-reference/oauth-2), is JSON.
     */
    private boolean isFormEncoded(ObjectNode body) {
        if (operation.resource() != StoraResource.OAUTH || !"token".equals(operation.action())) {
            return false;
        }
        String grant = body.path("grant_type").asText("");
        return grant.equals("authorization_code") || grant.equals("refresh_token");
    }

    private static byte[] formEncode(ObjectNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return StoraRequest.form(fields);
    }

    /**
     * One key per exchange and endpoint, the same on every retry and Camel redelivery of that exchange, so Stora
     * replays instead of creating twice. The key is kept in an exchange property tagged with the exchange id until the
     * call succeeds: a copy of the exchange (split, multicast) has another id and gets its own key, and the next call
     * of a loop gets a new one.
     */
    private String idempotencyKey(Exchange exchange) {
        String explicit = exchange.getIn().getHeader(StoraConstants.IDEMPOTENCY_KEY, String.class);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String pending = exchange.getProperty(idempotencyProperty, String.class);
        String owner = exchange.getExchangeId() + "|";
        if (pending != null && pending.startsWith(owner)) {
            return pending.substring(owner.length());
        }
        String key = UUID.randomUUID().toString();
        exchange.setProperty(idempotencyProperty, owner + key);
        return key;
    }

    /**
     * The call got a 2xx: its key is spent. The next call through this endpoint needs a new one, and a key the route set
     * in {@link StoraConstants#IDEMPOTENCY_KEY} is removed with it, or the next POST of the route would send it again and
     * Stora would answer with this call's stored response instead of creating anything. After a failure both stay, so
     * a redelivery sends the same key.
     */
    public void succeeded(Exchange exchange, StoraRequest request) {
        exchange.removeProperty(idempotencyProperty);
        if (request.idempotencyKey() != null) {
            exchange.getMessage().removeHeader(StoraConstants.IDEMPOTENCY_KEY);
        }
    }

    private static void putIfPresent(Map<String, String> query, String name, Object value) {
        String text = queryValue(value);
        if (text != null && !text.isEmpty()) {
            query.put(name, text);
        }
    }

    /** Collections and arrays become Stora's comma-separated multi-values; dates ISO-8601. */
    private static String queryValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            StringJoiner joined = new StringJoiner(",");
            c.forEach(v -> joined.add(queryValue(v)));
            return joined.toString();
        }
        if (value instanceof Object[] array) {
            return queryValue(java.util.Arrays.asList(array));
        }
        if (value instanceof Date d) {
            return d.toInstant().toString();
        }
        return value.toString(); // java.time values print as ISO-8601
    }

    /** Fails naming the operation and the formats it answers when it cannot answer {@code format}. */
    public static void checkFormat(StoraOperation operation, StoraFormat format) {
        if (!operation.formats().contains(format)) {
            throw new IllegalArgumentException(operation.uri() + " cannot answer " + format.optionValue() + "; it answers "
                    + operation.formats().stream().map(StoraFormat::optionValue)
                            .collect(Collectors.joining(", ")));
        }
    }
}
