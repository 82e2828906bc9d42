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
