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
package io.camelstora.simulator.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.support.Json;

/** The non-JSON answers: CSV for lists and a small valid PDF for invoices, credit notes and signed contracts. */
final class Formats {

    private Formats() {
    }

    /**
     * One row per resource, one column per leaf field in dot notation ({@code contact.id}, {@code total.amount});
     * arrays are written as JSON. The real API's column choice is undocumented.
     */
    static String csv(List<ObjectNode> rows) {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (ObjectNode row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", row, cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(Formats::quote).toList())).append("\r\n");
        for (Map<String, String> cells : flat) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(quote(cells.getOrDefault(column, "")));
            }
            csv.append(String.join(",", values)).append("\r\n");
        }
        return csv.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        node.fields().forEachRemaining(field -> {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && !value.isEmpty()) {
                flatten(name + ".", value, cells);
            } else if (value.isNull()) {
                cells.put(name, "");
            } else if (value.isContainerNode()) {
                cells.put(name, Json.string(value));
            } else {
                cells.put(name, value.asText());
            }
        });
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** A one-page PDF 1.4 with a few lines of text and a correct cross-reference table. */
    static byte[] pdf(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 16 Tf 72 760 Td (").append(escape(title)).append(") Tj ET\n");
        int y = 730;
        for (String line : lines) {
            text.append("BT /F1 11 Tf 72 ").append(y).append(" Td (").append(escape(line)).append(") Tj ET\n");
            y -= 16;
        }
        byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1)
                        + "endstream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c == '£') {
                escaped.append("GBP ");
            } else if (c < 32 || c > 126) {
                escaped.append('?');
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
