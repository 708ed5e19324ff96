package org.cppcc.consultation.research;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.plans.ConsultationPlans;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.roster.MemberRoster.RosterMember;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 调研 "1+4+N": a topic's research is carried by one joint group (联合调研组, the "1"), thematic groups under it (专题组,
 * the "4") and small teams under those (小分队, the "N"), each with its members and leads. The research activities
 * (pre-research, expert interviews, visits, field study) are activities of the topic that name their group and stage.
 */
@ApplicationScoped
@Transactional
public class ResearchGroups {

    public enum Kind { JOINT, THEMATIC, TEAM }

    public enum Role { LEAD, MEMBER }

    public record GroupMember(@NotBlank String username, @NotNull Role role) {
    }

    public record NewGroup(@NotNull Kind kind, @NotBlank @Size(max = 100) String name, UUID parentId,
                           @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull GroupMember> members) {
    }

    public record MemberView(String userId, String username, String name, Role role) {
    }

    public record ActivityLine(String id, String title, String form, Instant startsAt, String location, String status, String stage) {
    }

    public record GroupView(String id, String topicId, String parentId, Kind kind, String name, List<MemberView> members,
                            List<ActivityLine> activities) {
    }

    private final EntityManager em;
    private final ConsultationPlans plans;
    private final MemberRoster roster;
    private final CommitteeContext committee;
    private final Clock clock;

    public ResearchGroups(EntityManager em, ConsultationPlans plans, MemberRoster roster, CommitteeContext committee, Clock clock) {
        this.em = em;
        this.plans = plans;
        this.roster = roster;
        this.committee = committee;
        this.clock = clock;
    }

    /** The office forms a group: the joint one first (one per topic), thematic groups under it, teams under a thematic group. */
    public GroupView form(UUID topicId, NewGroup g) {
        plans.topic(topicId); // 404 for another committee's topic
        String parentKind = null;
        if (g.parentId() != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> parent = em.createNativeQuery("select kind, topic_id from research_group where id = ?1 and committee = ?2")
                    .setParameter(1, g.parentId()).setParameter(2, committee.code()).getResultList();
            if (parent.isEmpty() || !topicId.equals(parent.get(0)[1])) {
                throw Problems.badRequest("group " + g.parentId() + " is not a research group of this topic");
            }
            parentKind = (String) parent.get(0)[0];
        }
        String expectedParent = switch (g.kind()) {
            case JOINT -> null;
            case THEMATIC -> Kind.JOINT.name();
            case TEAM -> Kind.THEMATIC.name();
        };
        if (expectedParent == null ? parentKind != null : !expectedParent.equals(parentKind)) {
            throw Problems.badRequest(switch (g.kind()) {
                case JOINT -> "the joint group (1) has no parent";
                case THEMATIC -> "a thematic group (4) stands under the topic's joint group (parentId)";
                case TEAM -> "a team (N) stands under a thematic group (parentId)";
            });
        }
        if (g.members().stream().noneMatch(m -> m.role() == Role.LEAD)) {
            throw Problems.badRequest("a research group has a lead (role LEAD)");
        }
        List<RosterMember> people = roster.byUsernames(committee.code(), g.members().stream().map(GroupMember::username).toList());
        if (people.size() != g.members().size()) {
            throw Problems.badRequest("a member is named twice");
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into research_group (id, committee, topic_id, parent_id, kind, name, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, topicId).setParameter(4, g.parentId())
                .setParameter(5, g.kind().name()).setParameter(6, g.name().strip()).setParameter(7, SqlTime.param(clock.instant()))
                .executeUpdate(); // a second joint group, or a name taken in the topic: the unique indexes answer 409
        for (int i = 0; i < people.size(); i++) {
            RosterMember p = people.get(i);
            em.createNativeQuery("insert into research_group_member (group_id, committee, user_id, username, name, role) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, p.userId()).setParameter(4, p.username())
                    .setParameter(5, p.name()).setParameter(6, g.members().get(i).role().name()).executeUpdate();
        }
        return groups(topicId).stream().filter(v -> v.id().equals(id.toString())).findFirst().orElseThrow();
    }

    /** The topic's groups, the joint one first, each with its members and its research activities in time order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GroupView> groups(UUID topicId) {
        plans.topic(topicId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, parent_id, kind, name from research_group where topic_id = ?1 and committee = ?2 "
                        + "order by case kind when 'JOINT' then 0 when 'THEMATIC' then 1 else 2 end, created_at, id")
                .setParameter(1, topicId).setParameter(2, committee.code()).getResultList();
        Map<String, List<MemberView>> members = new HashMap<>();
        Map<String, List<ActivityLine>> activities = new HashMap<>();
        if (!rows.isEmpty()) {
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> ms = em.createNativeQuery("select group_id, user_id, username, name, role from research_group_member "
                    + "where group_id in (?1) order by role, username").setParameter(1, ids).getResultList();
            for (Object[] m : ms) {
                members.computeIfAbsent(m[0].toString(), k -> new ArrayList<>())
                        .add(new MemberView((String) m[1], (String) m[2], (String) m[3], Role.valueOf((String) m[4])));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> as = em.createNativeQuery("select research_group_id, id, title, form, starts_at, location, status, research_stage "
                    + "from activity where research_group_id in (?1) order by starts_at, id").setParameter(1, ids).getResultList();
            for (Object[] a : as) {
                activities.computeIfAbsent(a[0].toString(), k -> new ArrayList<>()).add(new ActivityLine(a[1].toString(), (String) a[2],
                        (String) a[3], SqlTime.instant(a[4]), (String) a[5], (String) a[6], (String) a[7]));
            }
        }
        return rows.stream().map(r -> new GroupView(r[0].toString(), topicId.toString(), r[1] == null ? null : r[1].toString(),
                Kind.valueOf((String) r[2]), (String) r[3], members.getOrDefault(r[0].toString(), List.of()),
                activities.getOrDefault(r[0].toString(), List.of()))).toList();
    }
}
