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
