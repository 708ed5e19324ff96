package org.cppcc.proposals.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a member sends to submit a proposal. */
public record SubmitProposal(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20000) String body,
        /** whether the reply may be published (公开); the proposer must say */
        @NotNull Boolean publishConsent,
        /** true: keep it as a draft (草稿) to edit and submit later */
        Boolean draft,
        /** INDIVIDUAL (default), JOINT (with coSigners), COLLECTIVE (by the proposal office, onBehalfOf) or RECOMMENDATION (建议案, by the office) */
        ProposalKind kind,
        /** 联名: user names of the members invited to co-sign */
        @Size(max = 30) java.util.List<@NotBlank @Size(max = 64) String> coSigners,
        /** 联名: until when the invited may answer (default: 7 days) */
        java.time.Instant signingDeadline,
        /** 集体提案: the party, sector or special committee */
        @Size(max = 100) String onBehalfOf,
        /** 订单式提案: the clue (线索) it is written on; the author must have taken it */
        java.util.UUID clueId,
        /** 主题: up to 5 subject tags (教育, 养老 …), each up to 20 characters */
        @Size(max = 5) java.util.List<@NotBlank @Size(max = 20) String> tags) {
}
