package org.cppcc.proposals.submission;

import java.time.Instant;

public record ProposalView(String id, String committee, String title, String body, ProposalKind kind, ProposalStatus status,
                           String authorUserId, String authorName, boolean publishConsent, Instant submittedAt, long version) {

    static ProposalView of(Proposal p) {
        return new ProposalView(p.id.toString(), p.committee, p.title, p.body, p.kind, p.status, p.authorUserId, p.authorName,
                p.publishConsent, p.submittedAt, p.version);
    }
}
