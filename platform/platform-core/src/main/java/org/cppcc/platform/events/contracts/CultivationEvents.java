package org.cppcc.platform.events.contracts;

/**
 * 四级联动 on cultivation.events, keyed by journey (rootId): a committee's office recommends an item to its
 * parent; the parent's office adopts it as a proposal of its own or declines it. Each event names both ends,
 * so the offices and the original author at either end can be told.
 */
public final class CultivationEvents {

    private CultivationEvents() {
    }

    public record Recommended(String hopId, String rootId, String fromCommittee, String toCommittee, String kind, String sourceId,
                              String title, String authorUserId, String authorName, String note) {
    }

    public record Adopted(String hopId, String rootId, String fromCommittee, String toCommittee, String proposalId, String adoptedAs,
                          String adoptedAuthorUserId, String title, String originalAuthorUserId) {
    }

    public record Declined(String hopId, String rootId, String fromCommittee, String toCommittee, String title, String reason,
                           String originalAuthorUserId) {
    }
}
