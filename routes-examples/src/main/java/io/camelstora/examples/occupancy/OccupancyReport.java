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
package io.camelstora.examples.occupancy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.camelstora.examples.support.Csv;
import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * Counts the units of every site by status and writes the result as a spreadsheet-ready CSV: a header row, one row
 * per site (sites without units included), UTF-8 with a byte order mark so that Excel reads accented site names.
 */
public final class OccupancyReport {

    /** The report date, {@code yyyy-MM-dd}. */
    public static final String REPORT_DATE = "ReportDate";
    private static final CsvSchema COLUMNS = Csv.schema(SiteOccupancy.class).withHeader();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * @param sites every site ({@code stora:sites/list?fetchAllPages=true}: an Iterator over all pages)
     * @param units every unit ({@code stora:units/list?fetchAllPages=true}), read once, page by page
     */
    public List<SiteOccupancy> rows(Iterator<?> sites, Iterator<?> units, String reportDate) {
        Map<String, Counts> bySite = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        sites.forEachRemaining(site -> {
            String id = StoraMaps.text(site, "id");
            names.put(id, StoraMaps.text(site, "name"));
            bySite.put(id, new Counts());
        });
        units.forEachRemaining(unit -> bySite.computeIfAbsent(StoraMaps.id(unit, "site"), id -> new Counts())
                .add(StoraMaps.text(unit, "status")));
        List<SiteOccupancy> rows = new ArrayList<>();
        bySite.forEach((id, c) -> rows.add(new SiteOccupancy(reportDate, id, names.get(id), c.units, c.available,
                c.reserved, c.occupied, c.overlocked, c.repossessed, c.unavailable, c.other, c.occupancyPercent())));
        return rows;
    }

    /** The report as CSV text; Camel's file producer writes it. */
    public String csv(@Variable("sites") Iterator<?> sites, @Body Iterator<?> units, @Header(REPORT_DATE) String reportDate)
            throws IOException {
        return BYTE_ORDER_MARK + Csv.MAPPER.writer(COLUMNS).writeValueAsString(rows(sites, units, reportDate));
    }

    private static final class Counts {
        int units;
        int available;
        int reserved;
        int occupied;
        int overlocked;
        int repossessed;
        int unavailable;
        int other;

        void add(String status) {
            units++;
            switch (status == null ? "" : status) {
                case "available" -> available++;
                case "reserved" -> reserved++;
                case "occupied" -> occupied++;
                // the API's value; the guides write "overlocked"
                case "overlock", "overlocked" -> overlocked++;
                case "repossessed" -> repossessed++;
                case "unavailable" -> unavailable++;
                default -> other++;
            }
        }

        BigDecimal occupancyPercent() {
            if (units == 0) {
                return BigDecimal.ZERO.setScale(1);
            }
            return BigDecimal.valueOf(100L * (occupied + overlocked + repossessed)).divide(BigDecimal.valueOf(units), 1,
                    RoundingMode.HALF_UP);
        }
    }
}
