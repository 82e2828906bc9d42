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
package io.camelstora.component.polling;

import io.camelstora.component.catalog.ListCapabilities;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of {@code from("stora:<resource>/list")}: which records are reported, where the cursor and the
 * de-duplication keys are kept, and how the list is read.
 */
@UriParams
public class StoraPollingOptions {

    @UriParam(label = "consumer", defaultValue = "CHANGES", enums = "CHANGES,CREATED",
            description = "CHANGES reports records created or updated since the last poll (the cursor follows updated_at);"
                    + " CREATED reports only new records (the cursor follows created_at), for lists whose records"
                    + " have no updated_at (credit notes) or when updates do not matter.")
    private PollMode pollMode = PollMode.CHANGES;

    // the option's text; the consumer parses it (internal.polling.InitialSync), these options only carry it
    @UriParam(label = "consumer", defaultValue = "all",
            description = "Where a consumer with no stored cursor starts: all (every existing record, oldest first), none"
                    + " (only what changes after the first poll) or since: followed by an ISO-8601 timestamp (since:2025-01-12T15:30:00Z)."
                    + " Applies once per stateKey: later starts continue from the stored cursor.")
    private String initialSync = "all";

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration",
            description = "How far before the cursor each poll reads again (1m, 90s, PT1M or milliseconds), so records whose"
                    + " timestamp is older than records already seen when they become visible (late commits, records"
                    + " sharing a timestamp) are still reported. Records read again are recognised in the"
                    + " idempotentRepository and not reported twice.")
    private long overlap = 60_000;

    @UriParam(label = "consumer", defaultValue = "100",
            description = "Records per page requested from the list, 1 to 100: the fewest calls per poll at 100.")
    private int pageSize = 100;

    @UriParam(label = "consumer", defaultValue = "1000",
            description = "The most exchanges one poll sends (0 for no limit). A poll that stops there saves its progress and"
                    + " the next poll starts at once, until the backlog is read: a large initial sync goes in batches,"
                    + " one batch of records in memory at a time. Lists that cannot be read in the cursor's order"
                    + " (tenancies, protection levels, deal stages, product categories) are read whole every poll"
                    + " to find its oldest records.")
    private int maxMessagesPerPoll = 1000;

    @UriParam(label = "consumer", defaultValue = "false",
            description = "Send one exchange per page of up to pageSize records (body: a list of records) instead of one"
                    + " exchange per record. The cursor then moves one page at a time.")
    private boolean exchangePerPage;

    @UriParam(label = "consumer",
            description = "The key of this consumer's cursor in the stateRepository and of its keys in the"
                    + " idempotentRepository (the file names in stateDirectory). Default: stora. and the resource, followed by the path parameters, .created in"
                    + " CREATED mode and a hash of the filter options when there are any (stora.contacts,"
                    + " stora.order_line_items.order_1, stora.contacts.3fa8c21b). Set it to keep a cursor when changing"
                    + " filters, or to tell apart two consumers of the same list in different accounts.")
    private String stateKey;

    @UriParam(label = "consumer,advanced", defaultValue = ListCapabilities.UPDATED_AFTER,
            description = "The query parameter asking for records updated at or after a timestamp (CHANGES mode). The"
                    + " reference pages show its description but not its name: updated_after is a guess by analogy"
                    + " with created_after.")
    private String updatedAfterParam = ListCapabilities.UPDATED_AFTER;

    @UriParam(label = "consumer,advanced", defaultValue = ListCapabilities.UPDATED_BEFORE,
            description = "The query parameter asking for records updated before a timestamp (CHANGES mode), guessed like"
                    + " updatedAfterParam. A poll reading more than a page of a list sorted by updated_at bounds the pages"
                    + " it requests together with it, so that a record updated meanwhile leaves them and changes their"
                    + " count instead of shifting an unread record onto a page already read. Empty: those pages are read"
                    + " one at a time.")
    private String updatedBeforeParam = ListCapabilities.UPDATED_BEFORE;

    @UriParam(label = "consumer,advanced", defaultValue = ListCapabilities.CREATED_AFTER,
            description = "The query parameter asking for records created at or after a timestamp (CREATED mode);"
                    + " created_after is the name the reference pages show.")
    private String createdAfterParam = ListCapabilities.CREATED_AFTER;

    @UriParam(label = "consumer,advanced", defaultValue = "AUTO", enums = "AUTO,ALWAYS,NEVER",
            description = "Whether polls ask the API for their time window with updatedAfterParam/createdAfterParam: AUTO"
                    + " where the catalog lists time-range filters for the resource, ALWAYS also where the reference"
                    + " pages show none (tenancies, protection levels, deal stages, product categories), NEVER to read"
                    + " the whole list every poll and keep the window client-side.")
    private TimeFilter timeFilter = TimeFilter.AUTO;

    public PollMode getPollMode() {
        return pollMode;
    }

    public void setPollMode(PollMode pollMode) {
        this.pollMode = pollMode;
    }

    public String getInitialSync() {
        return initialSync;
    }

    public void setInitialSync(String initialSync) {
        this.initialSync = initialSync;
    }

    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isExchangePerPage() {
        return exchangePerPage;
    }

    public void setExchangePerPage(boolean exchangePerPage) {
        this.exchangePerPage = exchangePerPage;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getUpdatedAfterParam() {
        return updatedAfterParam;
    }

    public void setUpdatedAfterParam(String updatedAfterParam) {
        this.updatedAfterParam = updatedAfterParam;
    }

    public String getUpdatedBeforeParam() {
        return updatedBeforeParam;
    }

    public void setUpdatedBeforeParam(String updatedBeforeParam) {
        this.updatedBeforeParam = updatedBeforeParam;
    }

    public String getCreatedAfterParam() {
        return createdAfterParam;
    }

    public void setCreatedAfterParam(String createdAfterParam) {
        this.createdAfterParam = createdAfterParam;
    }

    public TimeFilter getTimeFilter() {
        return timeFilter;
    }

    public void setTimeFilter(TimeFilter timeFilter) {
        this.timeFilter = timeFilter;
    }

}
