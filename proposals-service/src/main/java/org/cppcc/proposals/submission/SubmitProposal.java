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
        Boolean draft) {
}
