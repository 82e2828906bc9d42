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
package io.camelstora.component.internal.shared;

import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.quartz.ObjectAlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-quartz's scheduler of {@code scheduler=quartz} polls, for nodes starting at the same moment on one clustered
 * job store (the replicas of a deployment): camel-quartz looks for the poll's trigger and creates it when it finds
 * none, so of two nodes that both found none the second fails to store it and its CamelContext does not start. Here
 * that node starts again from the look, finds the trigger the other node stored and uses it, as every later node does.
 * Loaded only when the application polls with {@code scheduler=quartz}, so with camel-quartz on the class path.
 */
public class RaceSafeQuartzPollScheduler extends QuartzScheduledPollConsumerScheduler {

    /** The class camel-core creates for {@code scheduler=quartz}, replaced by this one. */
    public static final String QUARTZ_SCHEDULER_CLASS = "org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler";

    private static final Logger LOG = LoggerFactory.getLogger(RaceSafeQuartzPollScheduler.class);

    @Override
    protected void doStart() throws Exception {
        try {
            super.doStart();
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("Another node stored the trigger {} first: using it", getTriggerId());
            super.doStart();
        }
    }
}
