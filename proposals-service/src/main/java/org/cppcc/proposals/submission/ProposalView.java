package org.cppcc.proposals.submission;

import java.time.Instant;

public record ProposalView(String id, String committee, String title, String body, ProposalKind kind, ProposalStatus status,
                           String authorUserId, String authorName, boolean publishConsent, Instant submittedAt, String number,
                           Instant registeredAt, String decisionReason, int handlingRound, boolean keyProposal, String supervisingLeader,
                           String supervisorKind, java.util.List<String> tags,
                           boolean published, Instant signingDeadline, String onBehalfOf, String mergedInto, String convertedTo,
                           long version) {

    public static ProposalView of(Proposal p) {
        return new ProposalView(p.id.toString(), p.committee, p.title, p.body, p.kind, p.status, p.authorUserId, p.authorName,
                p.publishConsent, p.submittedAt, p.number, p.registeredAt, p.decisionReason, p.handlingRound, p.keyProposal,
                p.supervisingLeader, p.supervisorKind, p.tags == null ? java.util.List.of() : java.util.List.copyOf(p.tags), p.published, p.signingDeadline, p.onBehalfOf, p.mergedInto == null ? null : p.mergedInto.toString(),
                p.convertedTo, p.version);
    }
}
