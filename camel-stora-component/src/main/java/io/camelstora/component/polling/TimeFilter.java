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

/** Whether a poll asks the API for its time window or reads the whole list and keeps the window itself. */
public enum TimeFilter {
    /** Send the time-range filter where the catalog lists it for the resource (documented or presumed). */
    AUTO,
    /** Send it on every list, also where the reference pages show none. */
    ALWAYS,
    /** Never send it: every poll reads the whole list and keeps the records of its window. */
    NEVER
}
