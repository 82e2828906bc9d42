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
package io.camelstora.examples.demo;

import java.io.PrintStream;
import java.net.URI;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.examples.ledger.LedgerEntry;
import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Prints what flows through the routes, one line per event received and per call made, prefixed by the route:
 *
 * <pre>
 * [booking]              → stora:orders/finalize order_… finalized payment_url=http://…
 * [ledger]               ← invoice.paid inv_… SIM-1 £59.99
 * </pre>
 *
 * A Camel {@link org.apache.camel.spi.EventNotifier}: the routes know nothing of it.
 */
public final class DemoConsole extends EventNotifierSupport {

    private final PrintStream out;
    private final Colors colors;

    public DemoConsole(PrintStream out, Colors colors) {
        this.out = out;
        this.colors = colors;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        // kept although unused: Camel only measures and reports a send (ExchangeSentEvent) that a notifier saw start
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public void notify(org.apache.camel.spi.CamelEvent event) {
        if (event instanceof ExchangeCreatedEvent created
                && created.getExchange().getProperty(ExchangePropertyKey.CORRELATION_ID) == null) {
            // the original exchange of a route, not a copy made by a split
            received(created.getExchange());
        } else if (event instanceof ExchangeSentEvent sent) {
            sent(sent.getExchange(), sent.getEndpoint(), sent.getTimeTaken());
        } else if (event instanceof ExchangeFailedEvent failed && failed.getExchange().getFromRouteId() != null) {
            Exception e = failed.getExchange().getException();
            line(failed.getExchange(), colors.red("✗ " + firstLine(e == null ? "failed" : e.getMessage())));
        } else if (event instanceof ExchangeCompletedEvent completed
                && completed.getExchange().getMessage().getBody() instanceof LedgerEntry entry) {
            line(completed.getExchange(), colors.green("→ " + "ledger.csv ") + entry.eventType() + " " + entry.documentNumber()
                    + " " + entry.amount().toPlainString() + " " + entry.currency());
        }
    }

    private void received(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        if (from == null || exchange.getFromRouteId() == null) {
            return;
        }
        String uri = from.getEndpointUri();
        if (from instanceof StoraEndpoint) {
            String type = exchange.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_TYPE, String.class);
            line(exchange, colors.cyan("← " + type) + " " + exchange.getMessage().getHeader(StoraConstants.WEBHOOK_RESOURCE_ID)
                    + describe(exchange.getMessage().getBody()));
        } else if (uri.startsWith("quartz")) {
            line(exchange, colors.cyan("← quartz cron fired"));
        }
    }

    private void sent(Exchange exchange, Endpoint endpoint, long millis) {
        String uri = endpoint.getEndpointUri();
        if (uri.startsWith("direct:")) {
            return;
        }
        String what;
        if (endpoint instanceof StoraEndpoint stora) {
            what = stora.getOperation().uri() + result(exchange);
        } else if (uri.startsWith("http")) {
            what = "CRM " + exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class) + " "
                    + URI.create(uri).getPath() + exchange.getIn().getHeader(Exchange.HTTP_PATH, "", String.class) + ": "
                    + exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        } else if (uri.startsWith("file:")) {
            what = "file " + exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED);
        } else {
            what = uri;
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            line(exchange,
                    colors.red("→ " + what + " ✗ " + firstLine(failure.getMessage())) + colors.dim(" " + millis + " ms"));
        } else {
            line(exchange, colors.green("→ ") + what + colors.dim(" " + millis + " ms"));
        }
    }

    private static String result(Exchange exchange) {
        if (exchange.getException() instanceof StoraApiException) {
            return "";
        }
        Object body = exchange.getMessage().getBody();
        StringBuilder text = new StringBuilder();
        if (body instanceof Map<?, ?> map) {
            append(text, map.get("id"));
            append(text, map.get("status"));
            if (map.get("payment_url") != null) {
                text.append(" payment_url=").append(map.get("payment_url"));
            }
            if (map.get("message") != null) {
                text.append(" \"").append(map.get("message")).append('"');
            }
        } else if (body instanceof Collection<?> list) {
            text.append(' ').append(list.size()).append(list.size() == 1 ? " record" : " records");
        } else if (body instanceof Iterator<?>) {
            text.append(" every page, read as needed");
        }
        Object meta = exchange.getMessage().getHeader(StoraConstants.META);
        if (StoraMaps.get(meta, "unit_ids") instanceof List<?> units) {
            text.append(" units ").append(units);
        }
        return text.toString();
    }

    private static String describe(Object resource) {
        StringBuilder text = new StringBuilder();
        append(text, StoraMaps.text(resource, "number"));
        append(text, StoraMaps.text(resource, "email"));
        append(text, StoraMaps.text(resource, "name"));
        String formatted = StoraMaps.text(resource, "total", "formatted");
        append(text, formatted);
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value != null) {
            text.append(' ').append(value);
        }
    }

    private void line(Exchange exchange, String text) {
        String route = exchange.getFromRouteId() == null ? "demo" : exchange.getFromRouteId();
        synchronized (out) {
            out.println(colors.dim(String.format("  %-24s", "[" + route + "]")) + text);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** ANSI colours, or none (NO_COLOR, a pipe, --no-color). */
    public record Colors(boolean enabled) {

        String cyan(String text) {
            return wrap("36", text);
        }

        String green(String text) {
            return wrap("32", text);
        }

        String red(String text) {
            return wrap("31", text);
        }

        public String dim(String text) {
            return wrap("2", text);
        }

        public String bold(String text) {
            return wrap("1", text);
        }

        private String wrap(String code, String text) {
            return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
        }
    }
}
