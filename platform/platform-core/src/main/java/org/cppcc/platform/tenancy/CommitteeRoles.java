package org.cppcc.platform.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint under {@code /committees/{code}/…}; the caller must hold one of
 * them in that very committee. Without it, any role in the committee will do.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CommitteeRoles {
    String[] value();
}
