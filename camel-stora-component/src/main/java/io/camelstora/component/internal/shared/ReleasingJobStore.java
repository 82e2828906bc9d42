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

import java.sql.SQLException;

import org.quartz.JobPersistenceException;
import org.quartz.impl.jdbcjobstore.FiredTriggerRecord;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Quartz's JDBC job store, which on a clean stop hands back the triggers this node took and had not fired yet. A
 * clustered node takes each trigger shortly before it is due and holds it until it fires; when it stops in between (a
 * rolling restart), Quartz leaves the trigger taken until the other nodes declare this one dead, a failover's time
 * (up to {@link QuartzCluster#WORST_FAILOVER_MILLIS} ms) without that poll or report. Released here as Quartz's own
 * {@code releaseAcquiredTrigger} does, under the trigger lock, after the scheduler stopped taking any.
 */
public class ReleasingJobStore extends JobStoreTX {

    @Override
    public void shutdown() {
        if (isClustered()) {
            try {
                Object released = executeInLock(LOCK_TRIGGER_ACCESS, conn -> {
                    int count = 0;
                    try {
                        for (FiredTriggerRecord fired : getDelegate().selectInstancesFiredTriggerRecords(conn,
                                getInstanceId())) {
                            if (STATE_ACQUIRED.equals(fired.getFireInstanceState())) {
                                getDelegate().updateTriggerStateFromOtherState(conn, fired.getTriggerKey(), STATE_WAITING,
                                        STATE_ACQUIRED);
                                getDelegate().deleteFiredTrigger(conn, fired.getFireInstanceId());
                                count++;
                            }
                        }
                    } catch (SQLException e) {
                        throw new JobPersistenceException("Cannot release the triggers of " + getInstanceId(), e);
                    }
                    return count;
                });
                getLog().info("Handed back {} trigger(s) this node had taken, for the other nodes", released);
            } catch (JobPersistenceException | RuntimeException e) {
                getLog().warn("Cannot hand back the triggers this node had taken: the other nodes take them over once its"
                        + " check-ins stop counting ({})", e.getMessage());
            }
        }
        super.shutdown();
    }
}
