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

import org.apache.camel.builder.RouteBuilder;

/** A nightly occupancy report per site as a spreadsheet-ready CSV. The YAML twin: routes/occupancy-report.camel.yaml. */
public class OccupancyReportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("quartz:examples/occupancy-report?cron={{examples.report.cron}}")
                .routeId("occupancy-report")
                .setHeader(OccupancyReport.REPORT_DATE, simple("${date:now:yyyy-MM-dd}"))
                // every page of every list, fetched lazily as the report reads them, within the account's rate limits
                .to("stora:sites/list?fetchAllPages=true")
                .setVariable("sites", body())
                .to("stora:units/list?fetchAllPages=true&limit=100")
                .bean(new OccupancyReport(), "csv")
                // written under a temporary name, then renamed: a reader never sees half a report
                .to("file:{{examples.report.dir}}?fileName=occupancy-${header.ReportDate}.csv&tempPrefix=.writing-&charset=utf-8")
                .log("Occupancy report written to ${header.CamelFileNameProduced}");
    }
}
