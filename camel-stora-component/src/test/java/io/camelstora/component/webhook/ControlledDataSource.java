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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * A real database as a test needs to see it fail: {@link #down} makes every new connection fail as a pool does when
 * the database cannot be reached, and {@link #afterStatement} runs a step of the test right after a statement has run
 * (committed: the real DataSources of these tests auto-commit), to land another call in the gap behind it.
 */
final class ControlledDataSource {

    private final DataSource real;
    private volatile boolean down;
    private final AtomicReference<Step> next = new AtomicReference<>();

    private record Step(String sqlPrefix, Runnable run) {
    }

    ControlledDataSource(DataSource real) {
        this.real = real;
    }

    /** Takes the database down, or brings it back. */
    void down(boolean down) {
        this.down = down;
    }

    /** Runs {@code step} once, right after the next statement whose SQL starts with {@code sqlPrefix}. */
    void afterStatement(String sqlPrefix, Runnable step) {
        next.set(new Step(sqlPrefix, step));
    }

    DataSource dataSource() {
        return proxy(DataSource.class, real, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                if (down) {
                    throw new SQLTransientConnectionException("Connection to the database refused (taken down by the test)",
                            "08001");
                }
                return connection((Connection) invoke(real, method, args));
            }
            return invoke(real, method, args);
        });
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = invoke(connection, method, args);
            return method.getName().equals("prepareStatement") ? statement((PreparedStatement) result, (String) args[0])
                    : result;
        });
    }

    private PreparedStatement statement(PreparedStatement statement, String sql) {
        return proxy(PreparedStatement.class, statement, (method, args) -> {
            Object result = invoke(statement, method, args);
            Step step = next.get();
            if (method.getName().startsWith("execute") && step != null && sql.startsWith(step.sqlPrefix)
                    && next.compareAndSet(step, null)) {
                step.run.run();
            }
            return result;
        });
    }

    private interface Call {
        Object call(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        return type.cast(Proxy.newProxyInstance(ControlledDataSource.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> call.call(method, args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
