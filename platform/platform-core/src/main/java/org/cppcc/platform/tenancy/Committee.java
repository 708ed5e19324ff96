package org.cppcc.platform.tenancy;

/**
 * A committee (政协, the tenant), known to every service from members-service's events. A suspended committee
 * is read-only: its data can be read, nothing in it can be changed until it is resumed.
 */
public record Committee(String code, String name, String level, String parentCode, boolean suspended) {

    public Committee(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, false);
    }
}
