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
