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
package io.camelstora.component.webhook;

import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.camelstora.component.EmbeddedPostgreSql;
import org.h2.jdbcx.JdbcDataSource;

/** A database the webhook event store is tested on: the real PostgreSQL of the test JVM, and a new in-memory H2. */
record TestDatabase(String name, DataSource dataSource) {

    static Stream<TestDatabase> postgresAndH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:webhook-events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return Stream.of(new TestDatabase("PostgreSQL", EmbeddedPostgreSql.newDataSource()), new TestDatabase("H2", h2));
    }

    @Override
    public String toString() {
        return name;
    }
}
