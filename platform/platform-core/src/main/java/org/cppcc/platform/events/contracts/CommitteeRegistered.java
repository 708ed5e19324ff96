package org.cppcc.platform.events.contracts;

/**
 * A committee (tenant) exists, changed its name, or was suspended (read-only) or resumed: its whole state.
 * Owned by members-service. {@code suspended} is absent (null) in events written before suspension existed.
 */
public record CommitteeRegistered(String code, String name, String level, String parentCode, Boolean suspended) {

    public CommitteeRegistered(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, false);
    }

    public boolean isSuspended() {
        return Boolean.TRUE.equals(suspended);
    }
}
