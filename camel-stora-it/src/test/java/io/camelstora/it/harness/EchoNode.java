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

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

/** The node of {@link HarnessIT}: records its start in the shared database, says it is ready, and waits. */
public final class EchoNode {

    private EchoNode() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("echo.fail")) {
            System.out.println("asked to fail");
            System.exit(3);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        DataSource dataSource = NodeSupport.dataSource(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO harness_starts VALUES (?, ?, ?)")) {
            insert.setString(1, NodeSupport.name());
            insert.setLong(2, ProcessHandle.current().pid());
            insert.setLong(3, Runtime.getRuntime().maxMemory());
            insert.executeUpdate();
        }
        System.out.println("greeting " + System.getProperty("echo.greeting"));
        NodeSupport.ready();
        Thread.sleep(Long.MAX_VALUE);
    }
}
