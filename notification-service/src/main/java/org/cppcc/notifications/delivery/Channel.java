package org.cppcc.notifications.delivery;

/** Where a message goes. The inbox always gets it; the others are deliveries with their own status. */
public enum Channel {
    INBOX, EMAIL, SMS, PUSH
}
