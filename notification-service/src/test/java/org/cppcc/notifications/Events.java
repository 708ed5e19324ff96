package org.cppcc.notifications;

import org.cppcc.platform.testkit.TopicReader;

import java.time.Instant;
import java.util.UUID;

/** CloudEvents as the other services publish them, for feeding this service through real Kafka topics. */
final class Events {

    private Events() {
    }

    static String envelope(String id, String source, String type, String subject, String committee, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/%s","type":"%s","subject":"%s","time":"2026-11-22T08:00:00Z",
                 "datacontenttype":"application/json","committee":"%s","data":%s}""".formatted(id, source, type, subject, committee, data);
    }

    static void memberJoined(String committee, String userId, String username, String name, String email, String mobile) {
        String data = """
                {"memberId":"m-%s-%s","userId":"%s","username":"%s","name":"%s","sector":"经济界","email":%s,"mobile":%s}"""
                .formatted(committee, userId, userId, username, name, email == null ? "null" : "\"" + email + "\"",
                        mobile == null ? "null" : "\"" + mobile + "\"");
        TopicReader.publish("members.events", userId, envelope("joined-" + committee + "-" + userId, "members-service",
                "org.cppcc.members.MemberJoined.v1", "m-" + userId, committee, data));
    }

    static String activityCancelled(String committee, String activityId, String title) {
        return envelope(UUID.randomUUID().toString(), "consultation-service", "org.cppcc.consultations.ActivityCancelled.v1", activityId,
                committee, """
                        {"activityId":"%s","title":"%s","reason":"台风预警"}""".formatted(activityId, title));
    }

    static String activityScheduled(String committee, String activityId, String title, Instant startsAt) {
        return envelope(UUID.randomUUID().toString(), "consultation-service", "org.cppcc.consultations.ActivityScheduled.v1", activityId,
                committee, """
                        {"activityId":"%s","form":"THEMATIC","title":"%s","startsAt":"%s","location":"区政协会议室"}"""
                        .formatted(activityId, title, startsAt));
    }

    static String proposalSubmitted(String committee, String proposalId, String authorUserId, String title) {
        return envelope(UUID.randomUUID().toString(), "proposals-service", "org.cppcc.proposals.ProposalSubmitted.v1", proposalId,
                committee, """
                        {"proposalId":"%s","title":"%s","kind":"INDIVIDUAL","authorUserId":"%s","authorName":"张伟","submittedAt":"2026-11-22T08:00:00Z"}"""
                        .formatted(proposalId, title, authorUserId));
    }

    static void publish(String topic, String key, String event) {
        TopicReader.publish(topic, key, event);
    }
}
