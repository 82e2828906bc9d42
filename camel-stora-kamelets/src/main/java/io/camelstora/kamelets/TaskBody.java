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
