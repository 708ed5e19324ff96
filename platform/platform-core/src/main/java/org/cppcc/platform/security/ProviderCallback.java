package org.cppcc.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @PermitAll} endpoint called by an outside provider (delivery receipts) that proves itself with its own
 * shared secret, not a user token. Not limited per address like the public pages: one gateway sends many.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProviderCallback {
}
