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

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of the occupancy report: the units of a site by status (https://docs.stora.co/2025-09/guides/core-concepts, "Unit states"; the API
 * writes the overlocked state {@code overlock}).
 *
 * @param occupancyPercent let units (occupied, overlocked, repossessed: a tenant's goods are inside) out of all units,
 *                         in percent with one decimal
 */
@JsonPropertyOrder({"reportDate", "siteId", "siteName", "units", "available", "reserved", "occupied", "overlocked",
        "repossessed", "unavailable", "other", "occupancyPercent"})
public record SiteOccupancy(String reportDate, String siteId, String siteName, int units, int available, int reserved,
        int occupied, int overlocked, int repossessed, int unavailable, int other, BigDecimal occupancyPercent) {
}
