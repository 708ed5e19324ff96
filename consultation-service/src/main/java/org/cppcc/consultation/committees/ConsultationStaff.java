package org.cppcc.consultation.committees;

import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;

/** Who reads everyone's contributions to an activity (opinions, speeches); a member reads only their own. */
public final class ConsultationStaff {

    private ConsultationStaff() {
    }

    public static boolean readsEveryones(CommitteeContext committee) {
        return committee.has(Roles.CONSULTATION_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN);
    }
}
