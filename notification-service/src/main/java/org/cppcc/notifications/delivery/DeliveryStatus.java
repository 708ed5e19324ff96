package org.cppcc.notifications.delivery;

public enum DeliveryStatus {
    /** waiting to be sent (possibly deferred: quiet hours, rate limit, a retry) */
    QUEUED,
    /** claimed by a dispatcher and being sent now (until its lease runs out) */
    SENDING,
    /** accepted by the SMTP server, SMS gateway or push provider */
    SENT,
    /** the provider confirmed it reached the device */
    DELIVERED,
    /** given up after the last retry: on the staff's dead-letter list */
    FAILED,
    /** not sent on purpose: the person turned this channel off for this category */
    SKIPPED,
    /** waiting for the daily digest e-mail */
    DIGEST,
    /** taken into a digest e-mail being sent now (until its lease runs out; then back to DIGEST) */
    BUNDLING
}
