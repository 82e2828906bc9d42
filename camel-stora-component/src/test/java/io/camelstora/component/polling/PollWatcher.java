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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Counts finished polls through Camel's poll strategy hook ({@code pollStrategy=#polls}): {@code commit} runs after a
 * poll sent its batch and saved its cursor, so waiting for two more polls proves the previous one repeated nothing.
 */
final class PollWatcher implements PollingConsumerPollStrategy {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private int completed;
    private int failed;
    private Exception lastError;

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        signal(false, null);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        signal(true, cause);
        return false;
    }

    private void signal(boolean error, Exception cause) {
        lock.lock();
        try {
            if (error) {
                failed++;
                lastError = cause;
            } else {
                completed++;
            }
            finished.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int completed() {
        lock.lock();
        try {
            return completed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code more} polls to finish after the ones finished so far; fails after a minute. */
    void awaitMore(int more) throws InterruptedException {
        lock.lock();
        try {
            int target = completed + more;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (completed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + more + " more polls, " + (target - completed) + " missing;"
                            + " failed polls: " + failed + ", last error: " + lastError);
                }
                finished.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code count} polls have failed in all (Camel counts a failure after the strategy's rollback, so the
     * one before the last has then been counted); fails after a minute.
     */
    void awaitFailed(int count) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (failed < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " failed polls, got " + failed);
                }
                finished.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
