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
package io.camelstora.kamelets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/** The body of {@code notes/create} for {@code stora-add-note-action}. */
public class NoteBody extends RequestBody {

    private String content;
    private String resourceId;

    @Override
    protected void build(ObjectNode body, Exchange exchange) {
        text(body, "content", content, exchange);
        reference(body, "resource", resourceId, exchange);
        require(body, "content", "content", "stora-add-note-action");
        require(body, "resource", "resourceId", "stora-add-note-action");
    }

    public void setContent(String content) {
        this.content = content;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }
}
