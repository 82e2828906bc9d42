package io.camelstora.kamelets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/** The body of {@code units/overlock} for {@code stora-overlock-units-action}. */
public class OverlockBody extends RequestBody {

    private String contactId;

    @Override
    protected void build(ObjectNode body, Exchange exchange) {
        text(body, "contact_id", contactId, exchange);
        require(body, "contact_id", "contactId", "stora-overlock-units-action");
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }
}
