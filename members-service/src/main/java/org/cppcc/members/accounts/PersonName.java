package org.cppcc.members.accounts;

import java.util.List;

/**
 * A person's name split as Keycloak keeps it: 姓 (family, lastName) and 名 (given, firstName). Chinese names
 * are written family first without a space, the family name one character or one of the compound ones (欧阳,
 * 司马…); a name with spaces ("Anna Li") is given names first, family last. The name as written is kept too.
 */
public record PersonName(String family, String given, String full) {

    public static final String FULL_NAME = "fullName";

    private static final List<String> COMPOUND_FAMILY_NAMES = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "澹台", "端木", "百里", "呼延", "南宫", "西门", "独孤", "轩辕", "万俟", "申屠");

    public static PersonName of(String name) {
        String full = name == null ? "" : name.strip();
        int space = full.lastIndexOf(' ');
        if (space > 0) {
            return new PersonName(full.substring(space + 1), full.substring(0, space).strip(), full);
        }
        int[] cps = full.codePoints().toArray();
        if (cps.length <= 1) {
            return new PersonName(full, "", full);
        }
        int familyLength = cps.length > 2 && COMPOUND_FAMILY_NAMES.stream().anyMatch(full::startsWith) ? 2 : 1;
        return new PersonName(new String(cps, 0, familyLength), new String(cps, familyLength, cps.length - familyLength), full);
    }
}
