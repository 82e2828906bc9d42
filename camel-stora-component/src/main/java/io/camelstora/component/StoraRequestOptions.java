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
package io.camelstora.component;

import java.util.HashMap;
import java.util.Map;

import io.camelstora.component.catalog.StoraFormat;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * What one operation call sends: its path parameters (generated from the catalog into
 * {@link StoraPathParameterOptions}) and its query. Each option can be overridden per exchange by the header of
 * {@link StoraConstants} named after it.
 */
@UriParams
public class StoraRequestOptions extends StoraPathParameterOptions {

    @UriParam(label = "producer",
            description = "Comma-separated objects to expand in the response, dot notation for nested ones (contact,line_items,line_items.item)."
                    + " Expanded resources need their own read scope.")
    private String expand;

    @UriParam(label = "producer", description = "The page of a list to fetch, from 1. Stora's default is 1.")
    private Integer page;

    @UriParam(label = "producer",
            description = "Items per page of a list, 1 to 100. Stora's default is 50; fetchAllPages uses 100 when unset.")
    private Integer limit;

    @UriParam(label = "producer",
            description = "The attribute a list is sorted by, such as created_at or updated_at. Stora's default is created_at.")
    private String sortBy;

    @UriParam(label = "producer", enums = "ASC,DESC", description = "The sort direction of a list. Stora's default is DESC.")
    private String sortDirection;

    @UriParam(label = "common", prefix = "filter.", multiValue = true,
            description = "Query filters of a list operation, one option per Stora parameter: filter.site_id=site_1,site_2,"
                    + " filter.status=available, filter.created_after=2025-01-01T00:00:00Z. Each name must be one the reference"
                    + " documents or presumes for the list, and each value of an enum filter one of its documented values"
                    + " (the operations reference lists them), or the endpoint is not created; validateFilters=false"
                    + " sends them as written. The CamelStoraFilters header adds to or replaces them per exchange. Other"
                    + " operations reject them.")
    private Map<String, Object> filters = new HashMap<>();

    @UriParam(label = "common", defaultValue = "true",
            description = "Check the filter names and enum values of the filter options (when the endpoint is created) and of"
                    + " the CamelStoraFilters header (before the call) against what the reference documents or presumes for"
                    + " the list, failing with the valid names or values. Set false to send a filter or value the stored"
                    + " reference pages do not show: it is then passed through as written.")
    private boolean validateFilters = true;

    @UriParam(label = "producer", defaultValue = "JSON", enums = "JSON,CSV,PDF",
            description = "The response format: JSON; CSV for list operations; PDF for invoices, credit notes and contracts show. A CSV or"
                    + " PDF body is handed over as bytes, with its media type in the Content-Type header.")
    private StoraFormat format = StoraFormat.JSON;

    @UriParam(label = "producer", defaultValue = "false",
            description = "For list operations: fetch every page. The body becomes an Iterator over the records that requests up"
                    + " to pagesInFlight next pages while the route consumes the current one, in list order, so"
                    + " split(body()).streaming() processes the first records before the last pages are requested and"
                    + " memory holds at most one page more than pagesInFlight.")
    private boolean fetchAllPages;

    @UriParam(label = "producer", defaultValue = "0",
            description = "With fetchAllPages: stop after this many records (0 for no cap). Pages beyond the cap are not requested.")
    private int maxItems;

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public String getSortDirection() {
        return sortDirection;
    }

    public void setSortDirection(String sortDirection) {
        this.sortDirection = sortDirection;
    }

    public boolean isValidateFilters() {
        return validateFilters;
    }

    public void setValidateFilters(boolean validateFilters) {
        this.validateFilters = validateFilters;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public StoraFormat getFormat() {
        return format;
    }

    public void setFormat(StoraFormat format) {
        this.format = format;
    }

    public boolean isFetchAllPages() {
        return fetchAllPages;
    }

    public void setFetchAllPages(boolean fetchAllPages) {
        this.fetchAllPages = fetchAllPages;
    }

    public int getMaxItems() {
        return maxItems;
    }

    public void setMaxItems(int maxItems) {
        this.maxItems = maxItems;
    }
}
