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
package io.camelstora.component.internal.polling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.StoraRequestOptions;
import io.camelstora.component.catalog.ListCapabilities;
import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.request.StoraRequestFactory;
import io.camelstora.component.polling.PollMode;
import io.camelstora.component.polling.StoraPollingOptions;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * How one consumer reads its list, decided once at route start from the endpoint options and the catalog: the order,
 * whether the API is asked for the time window, the request every page is built from, and the state key. Every
 * mistake in the options is reported here, naming the option and the valid choices.
 */
final class ListPollPlan {

    private static final Pattern STATE_KEY = Pattern.compile("[A-Za-z0-9._:/-]+");

    final StoraOperation operation;
    final ListCapabilities capabilities;
    final PollMode mode;
    /** The query parameter carrying the window's start, or {@code null} when the window is kept client-side only. */
    final String filterParam;
    /** The {@code sort_by} value sent, or {@code null} to read the list in its own order. */
    final String sortField;
    /** Sorted by the cursor field: records come oldest first, so a poll can stop once it has enough. */
    final boolean ordered;
    /**
     * Not sorted by the cursor field but by {@code created_at}, with both time-range filters: the window is read once,
     * in creation order, over as many polls as it takes, each continuing where the previous one stopped.
     */
    final boolean scan;
    /** The query parameter for records created at or after a timestamp, which a scan continues from. */
    final String createdAfterParam;
    /**
     * The query parameter bounding the pages a CHANGES poll of a list sorted by {@code updated_at} requests together,
     * or {@code null} to read such pages one at a time.
     */
    final String updatedBeforeParam;
    /** Page requests in flight at once when a poll reads more than a page. */
    final int pagesInFlight;
    /** Path, expand, the user's filters, limit and sort: every page request is this one with page and window. */
    final StoraRequest request;
    final Duration overlap;
    final InitialSync initialSync;
    final String stateKey;
    final int pageSize;
    final int maxMessagesPerPoll;
    final boolean exchangePerPage;

    private ListPollPlan(StoraEndpoint endpoint, StoraRequest baseRequest) {
        StoraPollingOptions o = endpoint.getPollingOptions();
        this.operation = endpoint.getOperation();
        this.capabilities = ListCapabilities.of(operation);
        this.mode = o.getPollMode();
        this.overlap = Duration.ofMillis(o.getOverlap());
        this.initialSync = InitialSync.parse(o.getInitialSync(), operation.uri());
        this.pageSize = o.getPageSize();
        this.maxMessagesPerPoll = o.getMaxMessagesPerPoll();
        this.exchangePerPage = o.isExchangePerPage();

        String param = mode == PollMode.CHANGES ? o.getUpdatedAfterParam() : o.getCreatedAfterParam();
        boolean useFilter = switch (o.getTimeFilter()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> capabilities.hasTimeRanges();
        };
        this.filterParam = useFilter ? param : null;

        String cursorField = mode.cursorField();
        if (capabilities.canSortBy(cursorField)) {
            this.sortField = cursorField;
        } else if (capabilities.canSortBy("created_at")) {
            // created_at order does not move when records are updated, so page numbers stay stable while paging
            this.sortField = "created_at";
        } else {
            this.sortField = null;
        }
        this.ordered = cursorField.equals(sortField);
        this.createdAfterParam = o.getCreatedAfterParam();
        this.updatedBeforeParam = o.getUpdatedBeforeParam() == null || o.getUpdatedBeforeParam().isBlank() ? null
                : o.getUpdatedBeforeParam();
        this.pagesInFlight = endpoint.getConfiguration().getPagesInFlight();
        this.scan = !ordered && mode == PollMode.CHANGES && "created_at".equals(sortField) && filterParam != null
                && createdAfterParam != null && !createdAfterParam.isBlank();

        StoraRequest r = baseRequest.withQuery("limit", Integer.toString(pageSize));
        if (sortField != null) {
            r = r.withQuery("sort_by", sortField).withQuery("sort_direction", "ASC");
        }
        this.request = r;
        this.stateKey = o.getStateKey() != null ? o.getStateKey() : defaultStateKey(endpoint);
    }

    /**
     * Validates the consumer options of {@code endpoint} and plans its polls.
     *
     * @throws IllegalArgumentException naming the option, the operation and the valid choices
     */
    static ListPollPlan of(StoraEndpoint endpoint) {
        StoraOperation op = endpoint.getOperation();
        if (op == null || !op.isPaged()) {
            throw new IllegalArgumentException(notAList(endpoint));
        }
        validate(endpoint);
        // path parameters, expand and filters exactly as a producer of this endpoint would send them
        return new ListPollPlan(endpoint, StoraRequestFactory.of(endpoint).forOptions());
    }

    private static String notAList(StoraEndpoint endpoint) {
        String lists = Arrays.stream(StoraOperation.values()).filter(StoraOperation::isPaged).map(StoraOperation::uri)
                .collect(Collectors.joining(", "));
        StoraOperation op = endpoint.getOperation();
        String own = op == null ? null
                : StoraOperation.find(op.resource(), "list").map(StoraOperation::uri).orElse(null);
        String what = op == null ? "stora:" + endpoint.getResource() : op.uri();
        return what + " cannot be used in from(): only list operations can be polled"
                + (own != null ? "; poll " + own + " for " + op.resource().uriName() : "")
                + ". Pollable operations: " + lists;
    }

    private static void validate(StoraEndpoint endpoint) {
        StoraOperation op = endpoint.getOperation();
        String uri = op.uri();
        StoraRequestOptions r = endpoint.getRequestOptions();
        StoraPollingOptions o = endpoint.getPollingOptions();
        StringJoiner producerOnly = new StringJoiner(", ");
        if (r.getPage() != null) {
            producerOnly.add("page");
        }
        if (r.getLimit() != null) {
            producerOnly.add("limit (use pageSize)");
        }
        if (r.getSortBy() != null) {
            producerOnly.add("sortBy");
        }
        if (r.getSortDirection() != null) {
            producerOnly.add("sortDirection");
        }
        if (r.isFetchAllPages()) {
            producerOnly.add("fetchAllPages");
        }
        if (r.getMaxItems() != 0) {
            producerOnly.add("maxItems (use maxMessagesPerPoll)");
        }
        if (r.getFormat() != StoraFormat.JSON) {
            producerOnly.add("format");
        }
        if (producerOnly.length() > 0) {
            throw new IllegalArgumentException("The consumer of " + uri + " pages and orders the list itself and reads JSON;"
                    + " remove the producer options " + producerOnly);
        }
        if (o.getPageSize() < 1 || o.getPageSize() > 100) {
            throw new IllegalArgumentException("pageSize of " + uri + " is " + o.getPageSize() + "; Stora accepts 1 to 100");
        }
        if (o.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("maxMessagesPerPoll of " + uri + " is " + o.getMaxMessagesPerPoll()
                    + "; use 0 for no limit or a positive number");
        }
        if (o.getOverlap() < 0) {
            throw new IllegalArgumentException("overlap of " + uri + " is negative; use 0 or a duration such as 1m");
        }
        if (o.getPollMode() == null || o.getTimeFilter() == null) {
            throw new IllegalArgumentException("pollMode and timeFilter of " + uri + " must be set");
        }
        String param = o.getPollMode() == PollMode.CHANGES ? o.getUpdatedAfterParam() : o.getCreatedAfterParam();
        String paramOption = o.getPollMode() == PollMode.CHANGES ? "updatedAfterParam" : "createdAfterParam";
        if (param == null || param.isBlank()) {
            throw new IllegalArgumentException(paramOption + " of " + uri + " is empty; set timeFilter=NEVER to poll without"
                    + " a time-range filter");
        }
        if (o.getStateKey() != null && !STATE_KEY.matcher(o.getStateKey()).matches()) {
            throw new IllegalArgumentException("stateKey of " + uri + " is '" + o.getStateKey()
                    + "'; use letters, digits and . _ : / -");
        }
        StoraConfiguration c = endpoint.getConfiguration();
        if (c.getStateRepository() == null || c.getIdempotentRepository() == null) {
            if (c.getStateDirectory() == null || c.getStateDirectory().isBlank()) {
                throw new IllegalArgumentException("stateDirectory of " + uri + " is empty; set it, or give both"
                        + " stateRepository and idempotentRepository");
            }
        }
        InitialSync.parse(o.getInitialSync(), uri);
        validateFilters(endpoint, param);
    }

    /** Names and values were checked when the endpoint was created (ListCapabilities.checkFilters); the cursor is ours. */
    private static void validateFilters(StoraEndpoint endpoint, String cursorParam) {
        if (endpoint.getRequestOptions().getFilters().containsKey(cursorParam)) {
            throw new IllegalArgumentException("filter." + cursorParam + " of " + endpoint.getOperation().uri()
                    + " is set by the consumer from its cursor; use initialSync=since:<ISO-8601> to start at a point in time");
        }
    }

    /**
     * {@code stora.<resource>[.<path parameter>...][.created][.<hash of the filters>]}: the same list, mode and
     * filters share a cursor; anything that changes which records are reported gets its own.
     */
    private static String defaultStateKey(StoraEndpoint endpoint) {
        StoraOperation op = endpoint.getOperation();
        StringBuilder key = new StringBuilder("stora.").append(op.resource().uriName());
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) endpoint.getComponent().getEndpointPropertyConfigurer();
        for (PathParameter p : op.pathParameters()) {
            Object value = options.getOptionValue(endpoint, p.optionName(), false);
            key.append('.').append(value == null ? "" : value.toString().replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        if (endpoint.getPollingOptions().getPollMode() == PollMode.CREATED) {
            key.append(".created");
        }
        Map<String, Object> filters = endpoint.getRequestOptions().getFilters();
        if (!filters.isEmpty()) {
            key.append('.').append(hash(new TreeMap<>(filters).toString()));
        }
        return key.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The oldest cursor-field value a poll from {@code checkpoint} reports: the cursor less the overlap, never before
     * the initial-sync floor, to the second (the API's timestamps are seconds; rounding down only widens the window).
     * {@code null} reads from the beginning.
     */
    Instant lowerBound(Checkpoint checkpoint) {
        return lowerBound(checkpoint.cursor(), checkpoint.floor());
    }

    Instant lowerBound(Instant cursor, Instant floor) {
        Instant lower = cursor == null ? null : cursor.minus(overlap);
        if (floor != null && (lower == null || lower.isBefore(floor))) {
            lower = floor;
        }
        return lower == null ? null : lower.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The most records one poll reads: maxMessagesPerPoll exchanges of one record or of one page each. */
    int recordCap() {
        if (maxMessagesPerPoll <= 0) {
            return Integer.MAX_VALUE;
        }
        long cap = exchangePerPage ? (long) maxMessagesPerPoll * pageSize : maxMessagesPerPoll;
        return (int) Math.min(cap, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return operation.uri() + " [" + mode + ", window " + (filterParam != null ? "by " + filterParam : "client-side")
                + ", order " + (sortField != null ? sortField + " ASC" : "as listed") + (scan ? ", resumable scan" : "")
                + ", stateKey " + stateKey + "]";
    }
}
