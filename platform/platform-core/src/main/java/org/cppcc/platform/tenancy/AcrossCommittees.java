package org.cppcc.platform.tenancy;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks work that reads or writes rows of several committees on purpose, so that the database lets it see
 * every committee ({@link CommitteeScope}); without it, work outside a committee sees no committee's rows.
 * On a resource outside {@code /committees/{code}} (a person's own things across their committees,
 * operators' endpoints, providers' callbacks) it holds for the whole request; on a bean's method (the
 * platform's schedules) for the call. Such code must filter by the person or the ids it is given.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcrossCommittees {
    /** Why this crosses committees, for the reader. */
    @Nonbinding
    String value();
}
