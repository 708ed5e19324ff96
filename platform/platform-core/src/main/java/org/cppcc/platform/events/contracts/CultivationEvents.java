package org.cppcc.platform.events.contracts;

import java.util.List;

/**
 * 四级联动 on cultivation.events, keyed by journey (rootId): a committee's office recommends an item to its
 * parent; the parent's office adopts it as a proposal of its own or declines it; the adopted proposal's progress
 * follows. Each event names both ends (codes and names), so the offices and the original author at either end
 * can be told, and carries what the receiving level keeps of the item: when the two ends are in different
 * deployments (ADR 0012) the event, replicated by MirrorMaker 2, is all the other side learns. Fields added
 * after v1 was first published are null in older events.
 */
public final class CultivationEvents {

    private CultivationEvents() {
    }

    /** The item as the parent committee receives it; {@code journey} lists every committee it has passed, this parent last. */
    public record Recommended(String hopId, String rootId, String fromCommittee, String toCommittee, String kind, String sourceId,
                              String title, String authorUserId, String authorName, String note,
                              String fromName, String toName, String body, String sourceNumber, List<String> journey,
                              String recommendedBy) {
    }

    public record Adopted(String hopId, String rootId, String fromCommittee, String toCommittee, String proposalId, String adoptedAs,
                          String adoptedAuthorUserId, String title, String originalAuthorUserId,
                          String toName, String adoptedAuthorName, String decidedBy) {
    }

    public record Declined(String hopId, String rootId, String fromCommittee, String toCommittee, String title, String reason,
                           String originalAuthorUserId, String toName, String decidedBy) {
    }

    /**
     * What an adopted item became after a step in the committee that adopted it, for a recommending committee in
     * another deployment (within one deployment both read the same hop).
     */
    public record Progressed(String hopId, String rootId, String fromCommittee, String toCommittee, String status, String number,
                             String units, String result, String satisfaction) {
    }
}
