package org.cppcc.proposals.lifecycle;

import org.cppcc.proposals.submission.Proposal;

/** Fired (synchronously, inside the step's transaction) when a step on a proposal is written. */
public record StepDone(Proposal proposal) {
}
