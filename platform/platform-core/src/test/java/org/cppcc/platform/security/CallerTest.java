package org.cppcc.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    @Test
    void groupPathsBecomeRolesPerCommittee() {
        Map<String, Set<String>> roles = Caller.parse(List.of(
                "/100000/440000/member",
                "/100000/440000/440100/member",
                "/100000/440000/440100/proposal-office"));
        assertEquals(Map.of("440000", Set.of("member"), "440100", Set.of("member", "proposal-office")), roles);
    }

    @Test
    void pathsThatAreNotARoleUnderACommitteeAreIgnored() {
        assertTrue(Caller.parse(List.of("/100000/440000", "/100000", "/staff/member", "member", "")).isEmpty());
    }
}
