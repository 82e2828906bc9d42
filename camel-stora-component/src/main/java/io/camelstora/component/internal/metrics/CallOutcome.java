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
package io.camelstora.component.internal.metrics;

import java.util.Locale;

import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.camelstora.component.internal.http.StoraErrors;

/** How a call to Stora ended, as the {@code outcome} tag of {@code stora.calls} names it. */
public enum CallOutcome {

    /** A 2xx (or, for an image, the file behind its redirect). */
    SUCCESS,
    /** A 4xx other than 429: the request was wrong, not the API. */
    CLIENT_ERROR,
    /** Still 429 after {@code maxRateLimitWait}, or 429 with throttling off. */
    RATE_LIMITED,
    /** A 5xx. */
    SERVER_ERROR,
    /** No response: connection refused or lost, timeout. */
    NO_RESPONSE,
    /** Never sent: waiting for the account's request budget would have exceeded {@code maxRateLimitWait}. */
    REFUSED,
    /** Anything else: no access token could be obtained, an invalid request built from the exchange... */
    ERROR;

    /** The tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a call that completed with {@code status} (0 for none) or failed with {@code failure}. */
    public static CallOutcome of(int status, Throwable failure) {
        Throwable f = StoraErrors.unwrap(failure);
        if (f instanceof StoraRateLimitException e && !e.isResponseReceived()) {
            return REFUSED;
        }
        if (f != null && !(f instanceof StoraApiException)) {
            return ERROR;
        }
        if (f != null && !((StoraApiException) f).isResponseReceived()) {
            return NO_RESPONSE;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        if (status >= 400) {
            return CLIENT_ERROR;
        }
        return status == 0 ? ERROR : SUCCESS;
    }

    /** The outcome of one request: its status, or {@link #NO_RESPONSE} for 0. */
    public static CallOutcome ofRequest(int status) {
        return status == 0 ? NO_RESPONSE : of(status, null);
    }

    /** The HTTP status of a failed call, 0 when it received no response. */
    public static int status(Throwable failure) {
        return StoraErrors.unwrap(failure) instanceof StoraApiException e && e.isResponseReceived() ? e.getStatus() : 0;
    }
}
