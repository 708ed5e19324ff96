package org.cppcc.platform.events.contracts;

import java.util.List;

/** A handling unit (承办单位) and its officers' user names, as registered by a committee's proposal office. */
public record HandlingUnitRegistered(String unitId, String name, List<String> officerUsernames) {
}
