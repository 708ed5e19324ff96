package org.cppcc.consultation.activities;

public enum ActivityStatus {
    SCHEDULED,
    /** 取消: called off; nothing more happens to it */
    CANCELLED
}
