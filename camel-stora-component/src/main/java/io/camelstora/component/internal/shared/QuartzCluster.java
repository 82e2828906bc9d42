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

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import io.camelstora.component.internal.support.SqlTables;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes camel-quartz's scheduler a clustered JDBC job store on the component's database, so that a trigger fires on one
 * node of the cluster: the polls of {@code scheduler=quartz} consumers and the {@code quartz:} routes (a nightly
 * report) run once per tick, whichever nodes run them. Quartz's own engine does the work (row locks in
 * {@code QRTZ_LOCKS}, a check-in every {@link #CHECKIN_INTERVAL_MILLIS} ms, the triggers of a node that stopped
 * checking in recovered by the others); this class configures it, creates its tables from the DDL Quartz ships, and
 * has a node that stops hand back the triggers it took ({@link ReleasingJobStore}). Loaded only when camel-quartz is
 * on the class path.
 */
public final class QuartzCluster {

    /**
     * How often each node tells the others it is alive (QRTZ_SCHEDULER_STATE). A node that stopped is declared dead
     * by the next check-in of another node more than this plus Quartz's fixed 7.5 s of grace after its own last one,
     * and that node then releases the triggers the dead one held (a poll it was running). So after a kill -9 a
     * trigger runs elsewhere within 4 + 7.5 + 4 s, plus up to {@link #MISFIRE_THRESHOLD_MILLIS} for the misfire
     * handler: at most {@link #WORST_FAILOVER_MILLIS}, under the 20 s of issue 15 with room for a slow database.
     * Quartz's default (7.5 s) would give 23.5 s. Shorter is cheap (an UPDATE per interval per node) but declares a
     * node dead after a pause of 11.5 s (a long GC, a stalled database), which lets its trigger fire on a second node
     * while it still runs: 4 s keeps that pause longer than any a healthy node has.
     */
    public static final long CHECKIN_INTERVAL_MILLIS = 4000;
    /**
     * How late a trigger may fire and still count as on time. A trigger later than this is a misfire, which the
     * schedules of camel-quartz (cron polls, quartz: routes) answer by firing once now and continuing with the next
     * tick; within it, Quartz fires every tick it missed, one after the other. Quartz's default is 60 s: after a
     * failover of 15 s a poll every second would run 15 times in a row. At 1 s, a tick missed by a dead node or by a
     * poll that outlasted its period is run once.
     */
    public static final long MISFIRE_THRESHOLD_MILLIS = 1000;
    /** The longest a trigger a killed node held waits for another node: see {@link #CHECKIN_INTERVAL_MILLIS}. */
    public static final long WORST_FAILOVER_MILLIS = 2 * CHECKIN_INTERVAL_MILLIS + 7500 + MISFIRE_THRESHOLD_MILLIS;
    /** The start of the scheduler name every node shares (Quartz clusters by it), followed by the CamelContext's name. */
    public static final String SCHEDULER_NAME = "camel-stora";

    private static final Logger LOG = LoggerFactory.getLogger(QuartzCluster.class);

    private QuartzCluster() {
    }

    /** Whether camel-quartz is on the class path. */
    public static boolean available(ClassLoader loader) {
        try {
            Class.forName("org.apache.camel.component.quartz.QuartzComponent", false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Gives the CamelContext's {@code quartz} component a clustered scheduler on {@code dataSource}, unless the
     * application configured that component's scheduler itself (a scheduler, properties or a properties file), which
     * is then left as it is.
     *
     * @param component the CamelContext's {@code quartz} component, being added or not started yet
     * @param name      names the connection provider registered with Quartz for {@code dataSource}
     */
    public static void configure(CamelContext context, Component component, DataSource dataSource, String name) {
        if (!(component instanceof QuartzComponent quartz)) {
            return;
        }
        if (quartz.getScheduler() != null || quartz.getProperties() != null || quartz.getPropertiesFile() != null
                || quartz.getPropertiesRef() != null) {
            LOG.info("The quartz component has a scheduler configuration of its own: the stora component leaves it as it"
                    + " is (cluster it on a database to run scheduled polls once per tick)");
            return;
        }
        if (quartz.isStarted()) {
            LOG.warn("The quartz component started before the stora component could cluster it on its dataSource:"
                    + " scheduler=quartz polls and quartz: routes fire on every node");
            return;
        }
        String product = SqlTables.productName(dataSource);
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        if (!postgres && !product.equalsIgnoreCase("H2")) {
            // Quartz's tables and delegate differ per database: the two known here are the reference and the tests'
            throw new IllegalStateException("The stora component clusters Quartz on PostgreSQL (or H2), and its dataSource"
                    + " is " + product + ": configure the quartz component's clustered job store yourself (its"
                    + " properties or propertiesFile, with the tables of Quartz's script for " + product
                    + "), which the stora component then leaves as it is");
        }
        createTablesIfMissing(dataSource, postgres ? "tables_postgres.sql" : "tables_h2.sql");
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the DataSource is the application's
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        });
        Properties p = new Properties();
        // nodes share the cluster by its name: the CamelContext's, alike on every node (camel-main's default camel-1)
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME + "-" + context.getName());
        // Quartz's AUTO id is the host name and the time in milliseconds: two nodes on one host starting in the same
        // millisecond would share it, and each take the other's check-ins for its own
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        p.setProperty("org.quartz.threadPool.threadCount", "5");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, ReleasingJobStore.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_INTERVAL_MILLIS));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MILLIS));
        // a node takes a trigger due within this long and holds it until it fires: what a node that dies holds for
        // the failover time (one that stops hands it back: ReleasingJobStore). Quartz's default is 30 s; 5 s is the least its documentation recommends (each
        // look takes the trigger lock)
        p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            quartz.setSchedulerFactory(new StdSchedulerFactory(p));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot configure the clustered Quartz scheduler: " + e.getMessage(), e);
        }
        LOG.info("The quartz component runs clustered on the stora component's dataSource ({}): each trigger fires on one"
                + " node; what a node that stops was running is taken over within {} s", product,
                WORST_FAILOVER_MILLIS / 1000.0);
    }

    /**
     * Runs the CREATE statements of the DDL Quartz ships for the database (never its DROPs), in one transaction, unless
     * {@code QRTZ_LOCKS} exists. A node racing another finds the tables on its second look.
     */
    static void createTablesIfMissing(DataSource dataSource, String script) {
        if (SqlTables.exists(dataSource, "QRTZ_LOCKS")) {
            return;
        }
        List<String> statements = createStatements(script);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
                LOG.info("Created Quartz's tables (QRTZ_*) from its {}", script);
            } catch (SQLException e) {
                c.rollback();
                if (!SqlTables.exists(dataSource, "QRTZ_LOCKS")) {
                    throw new IllegalStateException("Quartz's tables are missing and could not be created (" + e.getMessage()
                            + "); create them with org/quartz/impl/jdbcjobstore/" + script
                            + " of the quartz jar",
                            e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create Quartz's tables: " + e.getMessage(), e);
        }
    }

    static List<String> createStatements(String script) {
        String text;
        try (InputStream in = StdSchedulerFactory.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + script)) {
            if (in == null) {
                throw new IllegalStateException("The quartz jar has no " + script);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Quartz's " + script, e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            String sql = statement.trim();
            if (sql.toUpperCase().startsWith("CREATE")) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
