package org.cppcc.platform.events.contracts;

/** A committee (tenant) exists or changed its name. Owned by members-service. */
public record CommitteeRegistered(String code, String name, String level, String parentCode) {
}
