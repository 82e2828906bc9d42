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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OccupancyReportFlowTest extends FlowTestSupport {

    static final String HEADER = "report_date,site_id,site_name,units,available,reserved,occupied,overlocked,repossessed,"
            + "unavailable,other,occupancy_percent";

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theReportCountsTheUnitsOfEverySiteByStatus(Dsl dsl) throws Exception {
        // nightly by default; here every second
        start(Flow.OCCUPANCY_REPORT, dsl, Map.of("examples.report.cron", "* * * * * ?"));
        List<Map<String, Object>> available = call("stora:units/list?filter.status=available&limit=1");
        simulator().control().setUnitStatus((String) available.get(0).get("id"), "unavailable");
        // a run that started after the change (runs started before it may still be reading the units, or be queued with
        // the call above behind the account's rate limit, and complete after it)
        long changed = System.currentTimeMillis();
        NotifyBuilder reportAfterTheChange = new NotifyBuilder(context).fromRoute("occupancy-report")
                .filter(e -> e.getClock().getCreated() >= changed).whenCompleted(1).create();
        assertTrue(reportAfterTheChange.matches(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));

        Path report = output.resolve("occupancy-" + LocalDate.now() + ".csv");
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF" + HEADER + "\r\n"), text);
        List<Map<String, String>> rows = rows(text.substring(1));

        Map<String, Map<String, Long>> expected = expectedCountsBySite();
        assertEquals(expected.keySet(), rows.stream().map(r -> r.get("site_id")).collect(Collectors.toSet()), text);
        assertEquals(200, expected.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum());
        for (Map<String, String> row : rows) {
            Map<String, Long> counts = expected.get(row.get("site_id"));
            long units = counts.values().stream().mapToLong(Long::longValue).sum();
            long let = counts.getOrDefault("occupied", 0L) + counts.getOrDefault("overlock", 0L)
                    + counts.getOrDefault("repossessed", 0L);
            Map<String, String> expectedRow = new LinkedHashMap<>();
            expectedRow.put("report_date", LocalDate.now().toString());
            expectedRow.put("site_id", row.get("site_id"));
            expectedRow.put("site_name", siteName(row.get("site_id")));
            expectedRow.put("units", String.valueOf(units));
            expectedRow.put("available", n(counts, "available"));
            expectedRow.put("reserved", n(counts, "reserved"));
            expectedRow.put("occupied", n(counts, "occupied"));
            expectedRow.put("overlocked", n(counts, "overlock"));
            expectedRow.put("repossessed", n(counts, "repossessed"));
            expectedRow.put("unavailable", n(counts, "unavailable"));
            expectedRow.put("other", "0");
            expectedRow.put("occupancy_percent",
                    BigDecimal.valueOf(100 * let).divide(BigDecimal.valueOf(units), 1, RoundingMode.HALF_UP).toPlainString());
            assertEquals(expectedRow, row);
        }
        assertTrue(rows.stream().mapToInt(r -> Integer.parseInt(r.get("unavailable"))).sum() >= 1, "the unit made unavailable");
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    private static String n(Map<String, Long> counts, String status) {
        return String.valueOf(counts.getOrDefault(status, 0L));
    }

    /** Site id to status to count, read from the API page by page, independently of the route. */
    private Map<String, Map<String, Long>> expectedCountsBySite() {
        Map<String, Map<String, Long>> bySite = new LinkedHashMap<>();
        Iterator<?> sites = call("stora:sites/list?fetchAllPages=true");
        sites.forEachRemaining(s -> bySite.put((String) ((Map<?, ?>) s).get("id"), new LinkedHashMap<>()));
        Iterator<?> units = call("stora:units/list?fetchAllPages=true");
        List<Map<?, ?>> all = new ArrayList<>();
        units.forEachRemaining(u -> all.add((Map<?, ?>) u));
        all.stream().collect(Collectors.groupingBy(u -> (String) ((Map<?, ?>) u.get("site")).get("id"),
                Collectors.groupingBy(u -> (String) u.get("status"), Collectors.counting())))
                .forEach((site, counts) -> bySite.get(site).putAll(counts));
        return bySite;
    }

    private String siteName(String siteId) {
        return simulator().control().get(siteId).path("name").asText();
    }

}
