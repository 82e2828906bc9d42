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
package io.camelstora.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every API and OAuth request the simulator answered (control calls under {@code /_simulator} are left out), with
 * counters. Bounded so a long benchmark cannot exhaust memory: the oldest requests are forgotten past the capacity,
 * the counters are not.
 */
public final class Journal {

    private final int capacity;
    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong size = new AtomicLong();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    void record(RecordedRequest request) {
        requests.add(request);
        if (size.incrementAndGet() > capacity) {
            requests.poll();
            size.decrementAndGet();
        }
        total.incrementAndGet();
        byStatus.computeIfAbsent(request.status(), s -> new AtomicLong()).incrementAndGet();
        if (request.operation() != null) {
            byOperation.computeIfAbsent(request.operation(), s -> new AtomicLong()).incrementAndGet();
        }
    }

    /** The recorded requests, oldest first. */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests().stream().filter(filter).toList();
    }

    /** Requests to one operation, by its operations.md name such as {@code contacts/create}. */
    public List<RecordedRequest> requests(String operation) {
        return requests(r -> operation.equals(r.operation()));
    }

    public RecordedRequest last() {
        List<RecordedRequest> all = requests();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public long total() {
        return total.get();
    }

    public long countStatus(int status) {
        AtomicLong count = byStatus.get(status);
        return count == null ? 0 : count.get();
    }

    public long count429() {
        return countStatus(429);
    }

    public long countOperation(String operation) {
        AtomicLong count = byOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Requests per operation name, sorted by name. */
    public Map<String, Long> operationCounts() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public void reset() {
        requests.clear();
        size.set(0);
        byStatus.clear();
        byOperation.clear();
        total.set(0);
    }
}
