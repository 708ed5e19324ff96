package org.cppcc.platform.tenancy;

/** A committee (政协, the tenant), known to every service from members-service's events. */
public record Committee(String code, String name, String level, String parentCode) {
}
