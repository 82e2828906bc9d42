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
package io.camelstora.simulator.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An error the simulated API answers with, in the shape of https://docs.stora.co/2025-09/guides/errors. Thrown anywhere below the
 * HTTP front and rendered there, so business rules read as plain Java.
 */
public final class ApiError extends RuntimeException {

    /** The documented error codes with their HTTP status, type and default message. */
    public enum Code {
        INVALID_REQUEST(400, "invalid_request", "invalid_request_error", "The request body is malformed or not valid."),
        API_ERROR(400, "api_error", "api_error", "Internal or third-party API error."),
        INVALID_TOKEN(401, "invalid_token", "invalid_request_error", "Invalid token."),
        FORBIDDEN(403, "forbidden", "invalid_request_error",
                "You do not have permission to access this resource. Please contact our support team if you believe you should have access."),
        RESOURCE_NOT_FOUND(404, "resource_not_found", "invalid_request_error", "The requested resource was not found."),
        INVALID_ENDPOINT(404, "invalid_endpoint", "invalid_request_error", "The requested endpoint does not exist."),
        INVALID_FORMAT(406, "invalid_format", "invalid_request_error", "The request ACCEPT header is not valid or supported."),
        CONFLICT(409, "conflict", "invalid_request_error",
                "The resource cannot be deleted or modified due to existing dependencies or business constraints."),
        INVALID_URL_PARAM(422, "invalid_url_param", "invalid_request_error", "The request URL param is invalid."),
        INVALID_CONTENT(422, "invalid_content", "invalid_request_error", "The request body content is not valid."),
        TOO_MANY_REQUESTS(429, "too_many_requests", "invalid_request_error",
                "Rate Limit Exceeded. You have reached the maximum number of requests. Please try again later."),
        INTERNAL_SERVER_ERROR(500, "internal_server_error", "api_error", "Unexpected internal error.");

        public final int status;
        public final String code;
        public final String type;
        public final String defaultMessage;

        Code(int status, String code, String type, String defaultMessage) {
            this.status = status;
            this.code = code;
            this.type = type;
            this.defaultMessage = defaultMessage;
        }
    }

    /** One entry of {@code error.details}: what is wrong and where (a JSON pointer into the body or a query parameter). */
    public record Detail(String message, String pointer) {
    }

    private final Code code;
    private final int status;
    private final List<Detail> details;

    private ApiError(Code code, int status, String message, List<Detail> details) {
        super(message == null ? code.defaultMessage : message, null, false, false);
        this.code = code;
        this.status = status;
        this.details = details;
    }

    public static ApiError of(Code code) {
        return new ApiError(code, code.status, null, List.of());
    }

    /** The documented default message, with one detail saying what exactly failed. */
    public static ApiError of(Code code, String detail, String pointer) {
        return new ApiError(code, code.status, null, List.of(new Detail(detail, pointer)));
    }

    public static ApiError of(Code code, List<Detail> details) {
        return new ApiError(code, code.status, null, List.copyOf(details));
    }

    /** A 5xx with the body of {@code internal_server_error}, whatever the status (used by fault injection). */
    public static ApiError serverError(int status) {
        return new ApiError(Code.INTERNAL_SERVER_ERROR, status, null, List.of());
    }

    public static ApiError notFound(String what, String id) {
        return of(Code.RESOURCE_NOT_FOUND, what + " '" + id + "' was not found", null);
    }

    public static ApiError conflict(String why) {
        return of(Code.CONFLICT, why, null);
    }

    public static ApiError invalid(String pointer, String why) {
        return of(Code.INVALID_CONTENT, why, pointer);
    }

    public static ApiError invalidParam(String param, String why) {
        return of(Code.INVALID_URL_PARAM, why, param);
    }

    public Code code() {
        return code;
    }

    public int status() {
        return status;
    }

    public List<Detail> details() {
        return details;
    }

    /** Collects field errors so one response reports all of them, as the documented {@code details[]} suggests. */
    static final class Collector {
        private final List<Detail> details = new ArrayList<>();

        void add(String pointer, String message) {
            details.add(new Detail(message, pointer));
        }

        boolean isEmpty() {
            return details.isEmpty();
        }

        void throwIfAny() {
            if (!details.isEmpty()) {
                throw ApiError.of(Code.INVALID_CONTENT, details);
            }
        }
    }
}
