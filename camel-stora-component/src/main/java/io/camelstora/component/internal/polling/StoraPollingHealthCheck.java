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
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's check of a scheduled poll consumer (DOWN while the latest polls failed, with the error; before the first
 * poll as the registry's initial state says), with what a Stora list consumer adds: its state key, cursor, lag and
 * latest poll.
 */
final class StoraPollingHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final StoraPollingConsumer consumer;

    StoraPollingHealthCheck(StoraPollingConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result camel = super.call(options);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(camel.getState())
                .details(camel.getDetails());
        camel.getMessage().ifPresent(builder::message);
        camel.getError().ifPresent(builder::error);
        builder.detail("poll.state.key", consumer.getStateKey());
        Instant cursor = consumer.getCursor();
        if (cursor != null) {
            builder.detail("poll.cursor", cursor.toString());
        }
        Instant caughtUpTo = consumer.getCaughtUpTo();
        if (caughtUpTo != null) {
            builder.detail("poll.caught.up.to", caughtUpTo.toString());
            // from the instant just shown (getLag() would read it again, maybe after a poll moved it)
            builder.detail("poll.lag.ms", Duration.between(caughtUpTo, Instant.now()).toMillis());
        }
        StoraPollingConsumer.PollOutcome last = consumer.getLastPoll();
        if (last != null) {
            builder.detail("poll.last.time", last.at().toString());
            builder.detail("poll.last.outcome", last.success() ? "success" : "failure");
            builder.detail("poll.last.records", last.records());
            builder.detail("poll.last.more", last.more());
        }
        return builder.build();
    }
}
