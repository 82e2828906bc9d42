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
package io.camelstora.it.harness;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * What a node's {@code main} uses from the harness: its name, the shared database, and the line that tells
 * {@link JvmNode#start()} it is ready.
 */
public final class NodeSupport {

    /** The line {@link JvmNode#start()} waits for. */
    public static final String READY = "it-node ready";
    /** System property: the node's name, set by {@link JvmNode}. */
    public static final String NODE_NAME = "it.node.name";
    /** System properties: where the shared database is, set from {@link SharedPostgres#nodeProperties()}. */
    public static final String JDBC_URL = "it.jdbc.url";
    public static final String JDBC_USER = "it.jdbc.user";
    public static final String JDBC_PASSWORD = "it.jdbc.password";

    private NodeSupport() {
    }

    /** Tells the test the node is ready: call it once the node serves (e.g. after Camel started its routes). */
    public static void ready() {
        System.out.println(READY + ": " + name() + " pid " + ProcessHandle.current().pid());
        System.out.flush();
    }

    /** The node's name, as the test gave it. */
    public static String name() {
        return System.getProperty(NODE_NAME, "node");
    }

    /** A connection pool of {@code size} connections to the shared database (HikariCP). */
    public static DataSource dataSource(int size) {
        String url = System.getProperty(JDBC_URL);
        if (url == null) {
            throw new IllegalStateException("No " + JDBC_URL + " system property: start the node with"
                    + " JvmNode.builder(...).properties(sharedPostgres.nodeProperties())");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getProperty(JDBC_USER));
        config.setPassword(System.getProperty(JDBC_PASSWORD));
        config.setMaximumPoolSize(size);
        config.setPoolName(name() + "-db");
        return new HikariDataSource(config);
    }
}
