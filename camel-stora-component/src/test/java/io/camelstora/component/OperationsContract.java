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
package io.camelstora.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of {@code operations.md} (a copy of the API contract in test resources), read independently of the
 * catalog so tests compare the catalog against the document rather than against itself.
 */
record OperationsContract(String uri, String resource, String action, String method, String path,
        List<String> pathOptions, String scope, String title) {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `stora:([a-z_]+)/([a-z_]+)` \\| (\\w+) \\| `([^`]+)` \\| ([^|]+) \\| `([^`]+)` \\| ([^|]+) \\|$");

    static List<OperationsContract> load() {
        try (InputStream in = OperationsContract.class.getResourceAsStream("/stora-api/operations.md")) {
            List<OperationsContract> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = ROW.matcher(line.trim());
                if (m.matches()) {
                    String options = m.group(5).trim();
                    List<String> pathOptions = options.equals("-") ? List.of()
                            : Arrays.stream(options.split(",")).map(s -> s.trim().replace("`", "")).toList();
                    String scope = m.group(6).equals("(none)") ? null : m.group(6);
                    rows.add(new OperationsContract("stora:" + m.group(1) + "/" + m.group(2), m.group(1), m.group(2),
                            m.group(3), m.group(4), pathOptions, scope, m.group(7).trim()));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return uri;
    }
}
