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

/** The body of {@code tasks/create} for {@code stora-create-task-action}. */
public class TaskBody extends RequestBody {

    private String title;
    private String description;
    private String dueAt;
    private String resourceId;
    private String siteId;
    private String assigneeId;

    @Override
    protected void build(ObjectNode body, Exchange exchange) {
        text(body, "title", title, exchange);
        text(body, "description", description, exchange);
        text(body, "due_at", dueAt, exchange);
        reference(body, "resource", resourceId, exchange);
        reference(body, "site", siteId, exchange);
        reference(body, "assignee", assigneeId, exchange);
        require(body, "title", "title", "stora-create-task-action");
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setDueAt(String dueAt) {
        this.dueAt = dueAt;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public void setAssigneeId(String assigneeId) {
        this.assigneeId = assigneeId;
    }
}
