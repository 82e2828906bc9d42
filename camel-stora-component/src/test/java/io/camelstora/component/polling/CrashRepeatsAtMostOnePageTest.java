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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelstora.component.StoraComponent;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkpoint and the seen keys are saved as pages complete, not once per poll: a poller that dies while routing
 * a record sends again at most one page of records ({@code pageSize}) when it starts again. Its state files are
 * copied while the route is inside record K, which is what a kill -9 at that moment leaves on disk (both stores write
 * through on every change); a second consumer starts from the copy.
 */
class CrashRepeatsAtMostOnePageTest {

    private static final int PAGE_SIZE = 50;

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 51, 777, 1001})
    void aCrashWhileRoutingRecordKRepeatsAtMostOnePage(int k) throws Exception {
        File base = new File("target/polling-state/CrashRepeatsAtMostOnePageTest/" + k);
        FileUtil.removeDir(base);
        File live = new File(base, "live");
        File afterCrash = new File(base, "after-crash");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.contacts(1200)).rateLimitDisabled().start()) {
            int total = sim.control().count(ResourceKind.CONTACT);
            List<Object> beforeCrash = new CopyOnWriteArrayList<>();
            AtomicBoolean dead = new AtomicBoolean();
            try (CamelContext first = context(sim, live, body -> {
                if (dead.get()) {
                    return;
                }
                beforeCrash.add(body.get("id"));
                if (beforeCrash.size() == k) {
                    copy(live, afterCrash); // the disk at the kill: nothing after this record is saved
                    dead.set(true);
                }
            })) {
                await(() -> dead.get());
            }

            List<Object> afterRestart = new CopyOnWriteArrayList<>();
            try (CamelContext second = context(sim, afterCrash, body -> afterRestart.add(body.get("id")))) {
                await(() -> {
                    Set<Object> all = new HashSet<>(beforeCrash);
                    all.addAll(afterRestart);
                    return all.size() == total;
                });
                Thread.sleep(300);
            }
            Set<Object> repeated = new HashSet<>(afterRestart);
            repeated.retainAll(new HashSet<>(beforeCrash));
            assertTrue(repeated.size() <= PAGE_SIZE, repeated.size() + " records sent again after a crash at record " + k);
            assertTrue(repeated.contains(beforeCrash.get(k - 1)), "the record being routed at the crash comes again");
            assertEquals(afterRestart.size(), new HashSet<>(afterRestart).size(), "nothing twice after the restart");
        }
    }

    private static CamelContext context(StoraSimulator sim, File stateDirectory,
                                        java.util.function.Consumer<Map<?, ?>> route)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setThrottle(false);
        stora.getConfiguration().setStateDirectory(stateDirectory.getPath());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:contacts/list?initialDelay=0&delay=60000&pageSize=" + PAGE_SIZE)
                        .process(e -> route.accept(e.getMessage().getBody(Map.class)));
            }
        });
        context.start();
        return context;
    }

    private static void copy(File from, File to) {
        try {
            Files.createDirectories(to.toPath());
            for (File f : from.listFiles()) {
                Files.copy(f.toPath(), new File(to, f.getName()).toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within a minute");
            Thread.sleep(20);
        }
    }
}
