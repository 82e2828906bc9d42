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
package io.camelstora.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.camelstora.examples.demo.DemoConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's first command: the whole demo, in-process, ends by itself and leaves its files. */
class DemoTest {

    @TempDir
    Path output;

    @Test
    void theDemoRunsEveryFlowAndStopsByItself() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ExamplesApplication.runDemo(Dsl.YAML, output, new PrintStream(printed, true, StandardCharsets.UTF_8),
                new DemoConsole.Colors(false));
        String console = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, console);
        assertTrue(console.contains("→ stora:orders/finalize order_"), console);
        assertTrue(console.contains("payment_url=http://localhost:"), console);
        // the booking flow reserves her unit on tenancy.created; move-in day occupies it, so collections can overlock it
        assertTrue(hasLine(console, "[booking-allocation]", "← tenancy.created ten_"), console);
        assertTrue(hasLine(console, "[booking-allocation]", "→ stora:units/reserve unit_"), console);
        assertTrue(hasLine(console, "[stora]", "unit.occupied unit_"), console);
        assertTrue(hasLine(console, "[ledger]", "← invoice.paid inv_"), console);
        assertTrue(console.contains("→ stora:units/overlock \"1 customer units were successfully overlocked.\""), console);
        assertTrue(console.contains("→ CRM PUT /contacts/con_"), console);
        assertTrue(hasLine(console, "[deals-to-orders]", "→ stora:orders/create order_"), console);
        assertTrue(console.contains("(0 answered 429)"), console);
        // header and the three lines of the story: deposit paid, part of it credited, monthly invoice paid
        assertEquals(4, Files.readAllLines(output.resolve("ledger.csv")).size());
        assertTrue(Files.exists(output.resolve("occupancy-" + LocalDate.now() + ".csv")));
    }

    private static boolean hasLine(String console, String route, String text) {
        return console.lines().map(String::strip).anyMatch(l -> l.startsWith(route) && l.contains(text));
    }
}
