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

/** Which records a polling consumer reports. */
public enum PollMode {
    /** Records created or updated since the last poll: the cursor follows {@code updated_at}. */
    CHANGES("updated_at"),
    /** Records created since the last poll, updates ignored: the cursor follows {@code created_at}. */
    CREATED("created_at");

    private final String cursorField;

    PollMode(String cursorField) {
        this.cursorField = cursorField;
    }

    /** The record attribute the cursor follows. */
    public String cursorField() {
        return cursorField;
    }
}
