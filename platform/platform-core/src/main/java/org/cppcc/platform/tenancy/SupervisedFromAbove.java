package org.cppcc.platform.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read (GET) that staff of every committee above may make of this committee too: statistics,
 * supervision lists, cultivated items ({@link SupervisionFromAbove} holds the rule). Put it on nothing that
 * shows drafts, unpublished proposals or personal data.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SupervisedFromAbove {
}
