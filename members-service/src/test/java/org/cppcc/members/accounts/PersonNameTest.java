package org.cppcc.members.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonNameTest {

    @Test
    void chineseNamesAreFamilyFirstWithCompoundFamilyNames() {
        assertEquals(new PersonName("吴", "敏", "吴敏"), PersonName.of("吴敏"));
        assertEquals(new PersonName("张", "晓明", "张晓明"), PersonName.of(" 张晓明 "));
        assertEquals(new PersonName("欧阳", "娜娜", "欧阳娜娜"), PersonName.of("欧阳娜娜"));
        assertEquals(new PersonName("欧", "阳", "欧阳"), PersonName.of("欧阳"), "two characters: one family, one given");
    }

    @Test
    void namesWithSpacesAreGivenFirstAndOneWordNamesAreFamilyOnly() {
        assertEquals(new PersonName("Li", "Anna Maria", "Anna Maria Li"), PersonName.of("Anna Maria Li"));
        assertEquals(new PersonName("敏", "", "敏"), PersonName.of("敏"));
    }
}
