package org.cppcc.consultation;

import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.cppcc.consultation.ActivityTest.as;

/** Shared steps of this module's tests. */
final class ConsultationTestSupport {

    private static boolean rosterKnown;

    private ConsultationTestSupport() {
    }

    /**
     * The demo committees and 黄埔区's members hp-member and hp-member2, announced on members.events as members-service
     * does (fixed event ids: a second call is a redelivery); waits until an invitation of both is taken.
     */
    static synchronized void rosterKnown() {
        if (rosterKnown) {
            return;
        }
        DemoCommittees.announce();
        for (String user : List.of("hp-member", "hp-member2")) {
            String userId = Tokens.subject(Tokens.of(user));
            TopicReader.publish("members.events", "m-" + user, """
                    {"specversion":"1.0","id":"joined-%s","source":"/cppcc/members-service","type":"org.cppcc.members.MemberJoined.v1",
                     "subject":"m-%s","time":"2026-11-01T00:00:00Z","committee":"440112",
                     "data":{"memberId":"m-%s","userId":"%s","username":"%s","name":"%s","sector":"经济界"}}"""
                    .formatted(user, user, user, userId, user, user));
        }
        String activity = as("hp-staff").body("""
                {"form":"RESEARCH","title":"名册就绪检查","startsAt":"2026-01-05T09:30:00+08:00","location":"黄埔区长洲街"}""")
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-staff").body("{\"usernames\":[\"hp-member\",\"hp-member2\"]}")
                .post("/committees/440112/activities/" + activity + "/invitations").statusCode() == 200);
        rosterKnown = true;
    }
}
