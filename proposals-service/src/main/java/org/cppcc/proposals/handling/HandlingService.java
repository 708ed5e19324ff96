package org.cppcc.proposals.handling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.assignment.Assignment;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.submission.Proposal;

import java.time.Clock;
import java.util.UUID;

/** 办理: while a proposal is being handled, its units record their contact with the proposer, progress and co-handlers' opinions. */
@ApplicationScoped
@Transactional
public class HandlingService {

    public record Note(@NotNull @Pattern(regexp = "CONTACT_BEFORE|CONTACT_DURING|CONTACT_AFTER|PROGRESS|CO_OPINION") String kind,
                       @NotBlank @Size(max = 5000) String body) {
    }

    private final ProposalSteps steps;
    private final ProposalAccess access;
    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public HandlingService(ProposalSteps steps, ProposalAccess access, EntityManager em, Caller caller, Clock clock) {
        this.steps = steps;
        this.access = access;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** A handling note of the caller's unit; a co-handler's opinion (CO_OPINION) comes from a co-handling unit only. */
    public void note(UUID id, Note n) {
        Proposal p = steps.begin(id, Action.NOTE, null);
        boolean co = "CO_OPINION".equals(n.kind());
        Assignment mine = access.myAssignments(p.id, p.handlingRound).stream().filter(a -> !co || Assignment.CO.equals(a.role)).findFirst()
                .orElseThrow(() -> Problems.conflict("only a co-handling unit (会办) sends its opinion to the lead"));
        em.createNativeQuery("insert into handling_note (id, committee, proposal_id, assignment_id, kind, body, written_by, written_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, Ids.newId()).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, mine.id)
                .setParameter(5, n.kind()).setParameter(6, n.body()).setParameter(7, caller.userId())
                .setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
    }
}
