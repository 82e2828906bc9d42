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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.StoraOutputType;
import io.camelstora.component.internal.metrics.StoraMetrics;
import io.camelstora.component.internal.shared.RaceSafeQuartzPollScheduler;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Stora list for new and changed records: {@code from("stora:contacts/list")}.
 * <p>
 * Each poll reads the window of records whose cursor field ({@code updated_at}, or {@code created_at} in CREATED mode)
 * is at or after the stored cursor less the overlap, drops those the idempotent repository knows, and sends the rest
 * one exchange per record (or per page): oldest first where the list sorts by the cursor field, else in creation
 * order ({@link ListReader}). The exchanges go one at a time; the first that fails ends the batch, and the checkpoint
 * moves only past the exchanges that completed before it, so a failed record and everything after it come again at
 * the next poll. Records the overlap reads again (records sharing a timestamp, late commits) are recognised in the
 * idempotent repository and not sent twice.
 * <p>
 * Delivery is at least once: a crash after a record was processed but before the checkpoint was saved sends it again.
 * The checkpoint and the seen keys are saved each time a page's worth of records ({@code pageSize}) completed, so a
 * crash sends again at most the records of one page.
 */
public class StoraPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StoraPollingConsumer.class);

    private final StoraEndpoint endpoint;
    private final ListPollPlan plan;
    private PollState state;
    private ListReader reader;
    /** When the consumer started, on the monotonic clock: where initialSync=none begins. */
    private long startedNanos;
    /** The last poll stopped at maxMessagesPerPoll with records left: poll again at once, like greedy. */
    private volatile boolean backlog;
    /** The checkpoint of the poll being processed; volatile for the health check, which reads its cursor. */
    private volatile Checkpoint checkpoint = Checkpoint.EMPTY;
    /** Every exchange of the last batch completed: none failed and the batch was not cut short by a shutdown. */
    private boolean allCompleted;
    /** The records of the poll being processed. */
    private ListReader.Window window;
    /** The newest cursor-field value sent so far, for the CamelStoraPollCursor header. */
    private Instant sentSoFar;
    /** The outcome of the latest poll, for the health check; {@code null} before the first. */
    private volatile PollOutcome lastPoll;
    /** Every change of the list up to this instant has been sent: see {@link #getLag()}. */
    private volatile Instant caughtUpTo;
    private StoraMetrics.Registration lagGauge = StoraMetrics.Registration.NONE;

    /**
     * How a poll ended.
     *
     * @param records the records sent to the route
     * @param more    whether records were left for the next poll
     * @param failure why the poll failed, {@code null} when it did not
     */
    public record PollOutcome(Instant at, int records, boolean more, String failure) {

        public boolean success() {
            return failure == null;
        }
    }

    StoraPollingConsumer(StoraEndpoint endpoint, Processor processor, ListPollPlan plan) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.plan = plan;
        setMaxMessagesPerPoll(plan.maxMessagesPerPoll);
    }

    /**
     * The consumer of a list endpoint, its options checked.
     *
     * @throws IllegalArgumentException when the endpoint is not a list or an option is wrong, naming the valid choices
     */
    public static StoraPollingConsumer create(StoraEndpoint endpoint, Processor processor) {
        ListPollPlan plan = ListPollPlan.of(endpoint);
        if ("quartz".equals(endpoint.getScheduler())) {
            // one trigger per list across the nodes of a clustered Quartz, not one per node: named after the state key
            Map<String, Object> scheduler = endpoint.getSchedulerProperties() == null ? new HashMap<>()
                    : new HashMap<>(endpoint.getSchedulerProperties());
            if (!scheduler.containsKey("triggerId")) {
                scheduler.put("triggerId", plan.stateKey);
                scheduler.putIfAbsent("triggerGroup", "stora");
                endpoint.setSchedulerProperties(scheduler);
            }
        }
        return new StoraPollingConsumer(endpoint, processor, plan);
    }

    /**
     * The scheduler camel-core makes of {@code scheduler=quartz} is replaced by one that survives nodes starting
     * together on a clustered job store ({@link RaceSafeQuartzPollScheduler}); the scheduler.* options are bound to it
     * later, as they would have been to camel-core's. A scheduler bean the application configured is kept as it is.
     */
    @Override
    public void setScheduler(ScheduledPollConsumerScheduler scheduler) {
        if (scheduler != null && "quartz".equals(((StoraEndpoint) getEndpoint()).getScheduler())
                && scheduler.getClass().getName().equals(RaceSafeQuartzPollScheduler.QUARTZ_SCHEDULER_CLASS)) {
            RaceSafeQuartzPollScheduler raceSafe = new RaceSafeQuartzPollScheduler();
            raceSafe.setCamelContext(scheduler.getCamelContext());
            super.setScheduler(raceSafe);
        } else {
            super.setScheduler(scheduler);
        }
    }

    @Override
    public StoraEndpoint getEndpoint() {
        return endpoint;
    }

    /** The key of this consumer's cursor and seen records. */
    public String getStateKey() {
        return plan.stateKey;
    }

    /** The latest poll's outcome, {@code null} before the first poll. */
    public PollOutcome getLastPoll() {
        return lastPoll;
    }

    /** The cursor of the latest checkpoint, {@code null} before the first record. */
    public Instant getCursor() {
        return checkpoint.cursor();
    }

    /**
     * How far behind the list this consumer is: now less the instant up to which every change has been sent. That is
     * when the latest poll that read everything began reading (Stora's clock), or, while records are left over or a
     * poll failed, the cursor. {@code null} until it is known.
     */
    public Duration getLag() {
        Instant upTo = caughtUpTo;
        return upTo == null ? null : Duration.between(upTo, Instant.now());
    }

    /** Instants up to which every change has been sent; {@code null} until known. */
    public Instant getCaughtUpTo() {
        return caughtUpTo;
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            StoraPollingHealthCheck check = new StoraPollingHealthCheck(this, "consumer:" + getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        endpoint.getComponent().claimPollingStateKey(plan.stateKey, URISupport.sanitizeUri(endpoint.getEndpointUri()));
        try {
            state = new PollState(plan.stateKey, endpoint.getConfiguration());
            state.start();
            reader = new ListReader(endpoint.getClient(), plan);
            startedNanos = System.nanoTime();
            LOG.debug("Polling {}", plan);
            super.doStart();
            lagGauge = endpoint.getComponent().getMetrics().pollLagGauge(getRouteId(), plan.stateKey, this::getLag);
        } catch (Exception e) {
            endpoint.getComponent().releasePollingStateKey(plan.stateKey);
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        lagGauge.close();
        lagGauge = StoraMetrics.Registration.NONE;
        super.doStop();
        if (state != null) {
            state.stop();
        }
        endpoint.getComponent().releasePollingStateKey(plan.stateKey);
    }

    @Override
    public boolean isGreedy() {
        return backlog || super.isGreedy();
    }

    @Override
    protected int poll() throws Exception {
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        StoraMetrics metrics = endpoint.getComponent().getMetrics();
        int sent;
        try {
            sent = pollWindow();
        } catch (Exception e) {
            lastPoll = new PollOutcome(startedAt, 0, false, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            metrics.pollCompleted(getRouteId(), plan.stateKey, false, 0, System.nanoTime() - start);
            throw e;
        }
        boolean complete = allCompleted && !window.more();
        if (complete) {
            Instant readFrom = window.serverTime() != null ? window.serverTime() : startedAt;
            caughtUpTo = Checkpoint.later(caughtUpTo, readFrom);
        } else {
            // later() keeps caughtUpTo while there is no cursor yet
            caughtUpTo = Checkpoint.later(caughtUpTo, checkpoint.cursor());
        }
        lastPoll = new PollOutcome(startedAt, sent, window.more(), null);
        metrics.pollCompleted(getRouteId(), plan.stateKey, true, sent, System.nanoTime() - start);
        return sent;
    }

    /** Reads the window after the checkpoint and sends its records. */
    private int pollWindow() throws Exception {
        boolean continuing = backlog; // the previous poll stopped at the cap, every record it sent processed
        backlog = false;
        checkpoint = state.load();
        if (checkpoint.isEmpty() && !plan.initialSync.all()) {
            // fix the start now, so a restart before the first record keeps it. For none it is when the consumer
            // started (not this first poll, an initialDelay later) on the API's clock, which writes the timestamps
            // compared with it: the API's time now, less what our clock says has passed since the start
            Instant started = plan.initialSync.since() != null ? Instant.now()
                    : reader.serverTime().minusNanos(System.nanoTime() - startedNanos);
            checkpoint = Checkpoint.startingAt(plan.initialSync.start(started));
            state.save(checkpoint);
        }
        Instant lower = plan.lowerBound(checkpoint);
        Instant sentUpTo = checkpoint.sentUpTo();
        Instant scanAfter = plan.scan ? checkpoint.scanAfter() : null;
        window = reader.read(lower, scanAfter, plan.recordCap(), r -> wasProcessed(r, sentUpTo, scanAfter), continuing);
        if (LOG.isDebugEnabled() && !window.records().isEmpty()) {
            LOG.debug("{} from {}: {} records to send, read in {} requests{}", plan.stateKey, lower, window.records().size(),
                    window.requests(), window.more() ? ", more left" : "");
        }
        int sent = processBatch(deliveries(window.records()));
        backlog = window.more() && sent > 0 && allCompleted;
        return sent;
    }

    /**
     * Only records at or before the newest one sent, or created before where the unfinished scan stopped, can have
     * been processed (the checkpoint is saved after its records), so only those, and records without a position, are
     * looked up: new records cost no lookup.
     */
    private boolean wasProcessed(PolledRecord r, Instant sentUpTo, Instant scanAfter) {
        boolean maybe = r.position() == null
                || (sentUpTo != null && !r.position().isAfter(sentUpTo))
                || (scanAfter != null && r.createdAt() != null && !r.createdAt().isAfter(scanAfter));
        return maybe && state.processed(r);
    }

    /** One exchange per record, or per group of pageSize records. */
    private Queue<Object> deliveries(List<PolledRecord> records) {
        Queue<Object> queue = new ArrayDeque<>();
        if (!plan.exchangePerPage) {
            for (PolledRecord r : records) {
                queue.add(new Delivery(List.of(r)));
            }
            return queue;
        }
        for (int from = 0; from < records.size(); from += plan.pageSize) {
            queue.add(new Delivery(records.subList(from, Math.min(from + plan.pageSize, records.size()))));
        }
        return queue;
    }

    @Override
    public int processBatch(Queue<Object> deliveries) throws Exception {
        int total = deliveries.size();
        // saved as pages complete, not once per poll: a crash repeats at most the records of one page
        List<PolledRecord> completed = new ArrayList<>();
        sentSoFar = plan.scan ? checkpoint.newest() : checkpoint.cursor();
        allCompleted = true;
        int sent = 0;
        try {
            for (int index = 0; index < total; index++) {
                if (!isBatchAllowed()) {
                    allCompleted = false;
                    break;
                }
                Delivery delivery = (Delivery) deliveries.poll();
                Exchange exchange = toExchange(delivery);
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                sent++;
                boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
                if (failed) {
                    Throwable cause = exchange.getException() != null ? exchange.getException()
                            : new RollbackExchangeException("Marked rollback only", exchange);
                    getExceptionHandler().handleException("Processing failed: the cursor of " + plan.stateKey
                            + " stays before this exchange, which is polled again with the"
                            + " records after it",
                            exchange, cause);
                } else {
                    completed.addAll(delivery.records());
                }
                releaseExchange(exchange, false);
                if (!failed && completed.size() >= plan.pageSize) {
                    commit(completed, false);
                    completed.clear();
                }
                if (failed) {
                    allCompleted = false;
                    break;
                }
            }
        } finally {
            pendingExchanges = 0;
            commit(completed, true);
        }
        return sent;
    }

    /**
     * Remembers the completed records a later poll may read again, then saves the checkpoint past them. Keys older
     * than the next window that no later poll reads again are not stored. Called after each page's worth of records
     * ({@code pageSize}, one exchange with {@code exchangePerPage}) and at the end of the batch ({@code end}), which
     * alone may close a scan.
     */
    private void commit(List<PolledRecord> completed, boolean end) {
        Instant newestSent = null;
        Instant lastCreated = null;
        for (PolledRecord r : completed) {
            newestSent = Checkpoint.later(newestSent, r.position());
            lastCreated = Checkpoint.later(lastCreated, r.createdAt());
        }
        Checkpoint next;
        Instant keepFrom;
        if (!plan.scan) {
            next = new Checkpoint(Checkpoint.later(checkpoint.cursor(), newestSent), null, checkpoint.floor(), null, null);
            keepFrom = plan.lowerBound(next);
        } else {
            // a scan's window closes at the server time its first page was read: what changed since is the next window
            Instant start = checkpoint.scanStart() != null ? checkpoint.scanStart() : window.serverTime();
            Instant newest = Checkpoint.later(checkpoint.newest(), newestSent);
            if (end && allCompleted && !window.more()) {
                next = new Checkpoint(Checkpoint.later(checkpoint.cursor(), start), newest, checkpoint.floor(), null, null);
            } else {
                next = new Checkpoint(checkpoint.cursor(), newest, checkpoint.floor(), start,
                        Checkpoint.later(checkpoint.scanAfter(), lastCreated));
            }
            keepFrom = plan.lowerBound(start, checkpoint.floor());
        }
        Instant resumeAt = next.scanAfter() == null ? null : next.scanAfter().truncatedTo(ChronoUnit.SECONDS);
        for (PolledRecord r : completed) {
            if (r.position() == null || keepFrom == null || !r.position().isBefore(keepFrom)
                    || (resumeAt != null && r.createdAt() != null && !r.createdAt().isBefore(resumeAt))) {
                state.remember(r);
            }
        }
        if (!next.equals(checkpoint)) {
            state.save(next);
            LOG.trace("{} checkpoint {}", plan.stateKey, next);
            checkpoint = next;
        }
    }

    private Exchange toExchange(Delivery delivery) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        StoraOutputType output = endpoint.getConfiguration().getOutputType();
        List<PolledRecord> records = delivery.records();
        PolledRecord last = records.get(records.size() - 1);
        if (plan.exchangePerPage) {
            ArrayNode page = StoraJson.MAPPER.createArrayNode();
            records.forEach(r -> page.add(r.json()));
            message.setBody(output.convert(page));
        } else {
            message.setBody(output.convert(last.json()));
            message.setHeader(StoraConstants.POLL_RECORD_ID, last.id());
            message.setHeader(StoraConstants.POLL_RECORD_CREATED_AT, last.text("created_at"));
            message.setHeader(StoraConstants.POLL_RECORD_UPDATED_AT, last.text("updated_at"));
        }
        sentSoFar = Checkpoint.later(sentSoFar, records.stream().map(PolledRecord::position)
                .reduce(null, Checkpoint::later));
        message.setHeader(StoraConstants.POLL_CURSOR, sentSoFar == null ? null : sentSoFar.toString());
        message.setHeader(StoraConstants.POLL_STATE_KEY, plan.stateKey);
        return exchange;
    }

    /** The records one exchange carries. */
    private record Delivery(List<PolledRecord> records) {
    }
}
