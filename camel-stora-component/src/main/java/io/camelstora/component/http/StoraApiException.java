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
package io.camelstora.component.http;

import java.util.List;

import org.apache.camel.CamelException;

/**
 * A call the Stora API answered with an error, or that never got an answer. Carries what the error body of
 * https://docs.stora.co/2025-09/guides/errors says ({@code code}, {@code type}, {@code message}, {@code details[]}, {@code request_id}) and the
 * HTTP status; {@link #getMessage()} is one line such as
 * {@code 422 invalid_content: value at /email does not match format: email (request_id 0156...)}.
 * <p>
 * When the body is not Stora's JSON (an HTML page from a proxy, an empty 502) {@link #getCode()} is {@code null} and
 * the message says what came back instead. {@link #getStatus()} is 0 when no response was received at all.
 */
public class StoraApiException extends CamelException {

    private static final long serialVersionUID = 1L;

    /** One entry of {@code error.details}: what is wrong and where ({@code /email}). */
    public record Detail(String message, String pointer) {
    }

    private final String operation;
    private final int status;
    private final String code;
    private final String type;
    private final String errorMessage;
    private final List<Detail> details;
    private final String requestId;
    private final String retryAfterEpochSeconds;

    public StoraApiException(String message, String operation, int status, String code, String type, String errorMessage,
                             List<Detail> details, String requestId, String retryAfterEpochSeconds, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.type = type;
        this.errorMessage = errorMessage;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.requestId = requestId;
        this.retryAfterEpochSeconds = retryAfterEpochSeconds;
    }

    /** The operation that failed, {@code stora:<resource>/<action>}. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getStatus() {
        return status;
    }

    /** {@code error.code}: {@code invalid_content}, {@code resource_not_found}... or {@code null} for a non-Stora body. */
    public String getCode() {
        return code;
    }

    /** {@code error.type}: {@code invalid_request_error} or {@code api_error}. */
    public String getType() {
        return type;
    }

    /** {@code error.message}, Stora's human-readable explanation. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** {@code error.details}: field-level problems with JSON pointers. */
    public List<Detail> getDetails() {
        return details;
    }

    /** {@code error.request_id}: quote it to Stora support. */
    public String getRequestId() {
        return requestId;
    }

    /** {@code RateLimit-Reset} of a 429, epoch seconds, or {@code null}. */
    public String getRateLimitReset() {
        return retryAfterEpochSeconds;
    }

    /** Whether Stora answered at all. */
    public boolean isResponseReceived() {
        return status > 0;
    }
}
