package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 双月协商座谈会 from plan to outcome across the real services — the plan published, members invited, one accepting
 * and one asking for leave, a check-in with the code shown at the venue, an opinion adopted, transformed and answered,
 * a report with a leader's 批示 — and a 身边事好商量 a resident signs up for without an account; then what the
 * members were told (notification-service) and what counts in their 履职 record (members-service), once each.
 */
class ConsultationFlowTest extends E2eTest {

    private static String consultation(String path) {
        return platform.url(Service.CONSULTATION) + "/committees/440112/" + path;
    }

    /** The bodies of the user's notifications of a category about a link. */
    private static List<String> inbox(String user, String category, String link) {
        List<String> bodies = new ArrayList<>();
        ok(api.get(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token(user)), 200).get("items").forEach(n -> {
            if (n.get("link").asText().equals(link) && n.get("category").asText().equals(category)) {
                bodies.add(n.get("body").asText());
            }
        });
        return bodies;
    }

    private static List<String> entryKinds(String user, String evidenceId) {
        List<String> kinds = new ArrayList<>();
        ok(api.get(platform.url(Service.MEMBERS) + "/me/performance?limit=100", token(user)), 200).at("/entries/items").forEach(e -> {
            if (e.get("evidenceId").asText().equals(evidenceId)) {
                kinds.add(e.get("kind").asText());
            }
        });
        return kinds.stream().sorted().toList();
    }

    @Test
    void aBimonthlyConsultationFromPlanToOutcomeAndAResidentSigningUp() {
        int year = 2040 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 900);
        String planId = ok(api.post(consultation("consultation-plans"), token("hp-staff"), Map.of("year", year, "title", year + "年度协商计划")), 200)
                .get("id").asText();
        String topicId = ok(api.post(consultation("consultation-plans/" + planId + "/topics"), token("hp-staff"), Map.of("title", "优化营商环境",
                "form", "BIMONTHLY", "owner", "经济科技委员会", "department", "区发展和改革局", "plannedFor", year + "-05-20")), 200).get("id").asText();
        ok(api.post(consultation("consultation-plans/" + planId + "/publish"), token("hp-staff"), Map.of()), 200);

        String activity = ok(api.post(consultation("activities"), token("hp-staff"), Map.of("form", "BIMONTHLY", "title", "双月协商座谈会：优化营商环境",
                "startsAt", Instant.now().plus(2, ChronoUnit.HOURS).toString(), "location", "区政协会议室", "topicId", topicId)), 201).get("id").asText();
        String base = "activities/" + activity;
        // the roster reaches consultation-service through members.events
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post(consultation(base + "/invitations"), token("hp-staff"),
                Map.of("usernames", List.of("hp-member", "hp-member2"))).status() == 200);
        ok(api.post(consultation(base + "/answer"), token("hp-member"), Map.of("answer", "ACCEPT")), 200);
        ok(api.post(consultation(base + "/answer"), token("hp-member2"), Map.of("answer", "LEAVE", "reason", "在外地出差")), 200);

        // at the venue: the code shown, the member checks in once; an expired or wrong code is refused with a problem
        String code = ok(api.post(consultation(base + "/check-in-code"), token("hp-staff"), Map.of("validMinutes", 30)), 200).get("code").asText();
        String wrong = String.format("%06d", (Integer.parseInt(code) + 7) % 1_000_000);
        Api.Reply refused = api.post(consultation(base + "/check-in"), token("hp-member"), Map.of("code", wrong));
        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        ok(api.post(consultation(base + "/check-in"), token("hp-member"), Map.of("code", code)), 200);
        ok(api.post(consultation(base + "/check-in"), token("hp-member"), Map.of("code", code)), 409);

        // the opinion's life, and the report with its 批示
        String opinion = ok(api.post(consultation(base + "/opinions"), token("hp-member"), Map.of("text", "建议设立企业服务专员制度")), 200)
                .get("id").asText();
        ok(api.post(consultation("opinions/" + opinion + "/adopt"), token("hp-staff"), Map.of("adoptedBy", "区人民政府")), 200);
        ok(api.post(consultation("opinions/" + opinion + "/transform"), token("hp-staff"), Map.of("department", "区发展和改革局",
                "result", "出台企业服务专员工作办法", "on", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())), 200);
        ok(api.post(consultation("opinions/" + opinion + "/feedback"), token("hp-staff"), Map.of("feedback", "已转化为区政府文件，感谢您的建议")), 200);
        String report = ok(api.post(consultation("topics/" + topicId + "/reports"), token("hp-staff"), Map.of("kind", "COMPREHENSIVE",
                "title", "关于优化营商环境的协商报告", "body", "……", "submittedTo", "区委书记", "opinionIds", List.of(opinion))), 200).get("id").asText();
        ok(api.post(consultation("reports/" + report + "/instruction"), token("hp-leader"), Map.of("instructedBy", "区委书记",
                "instruction", "请区发改局牵头落实")), 200);
        JsonNode figures = ok(api.get(consultation("consultation-plans/" + planId + "/statistics"), token("hp-leader")), 200);
        assertEquals(List.of(1, 1, 1, 1), List.of(figures.at("/opinions/raised").asInt(), figures.at("/opinions/adopted").asInt(),
                figures.at("/opinions/transformed").asInt(), figures.at("/opinions/answered").asInt()));

        // 身边事好商量: a resident without an account signs up and cancels by the link
        String neighbourhood = ok(api.post(consultation("activities"), token("hp-staff"), Map.of("form", "NEIGHBOURHOOD", "title", "身边事好商量：小区停车",
                "startsAt", Instant.now().plus(3, ChronoUnit.DAYS).toString(), "location", "长洲街社区", "capacity", 30, "openToResidents", true)), 201)
                .get("id").asText();
        String publicBase = platform.url(Service.CONSULTATION) + "/committees/440112/public/";
        String key = ok(api.get(consultation("activities/" + neighbourhood + "/sign-up-link"), token("hp-staff")), 200).get("key").asText();
        JsonNode signedUp = ok(api.post(publicBase + "activities/" + neighbourhood + "/registrations", null,
                Map.of("name", "王阿姨", "phone", "13912340000", "consent", true), Map.of("X-Sign-Up-Key", key)), 201);
        assertEquals("REGISTERED", signedUp.get("status").asText());
        assertEquals(1, ok(api.get(consultation("activities/" + neighbourhood + "/registrations"), token("hp-staff")), 200).size());
        Api.Reply cancelled = api.delete(publicBase + "registrations", null, Map.of("X-Cancel-Token", signedUp.get("cancelToken").asText()));
        assertEquals(204, cancelled.status());

        // 报名 and 改期: a member signs up for an open activity, the office moves it; the member is told of the move
        String together = ok(api.post(consultation("activities"), token("hp-staff"), Map.of("form", "TOGETHER", "title", "一起来商量：老旧小区改造",
                "startsAt", Instant.now().plus(5, ChronoUnit.DAYS).toString(), "location", "区政协会议室", "capacity", 1, "openToMembers", true)), 201)
                .get("id").asText();
        assertEquals("REGISTERED", ok(api.post(consultation("activities/" + together + "/sign-up"), token("hp-member"), Map.of()), 200)
                .get("status").asText());
        assertEquals("WAITING", ok(api.post(consultation("activities/" + together + "/sign-up"), token("hp-member2"), Map.of()), 200)
                .get("status").asText());
        ok(api.post(consultation("activities/" + together + "/reschedule"), token("hp-staff"), Map.of("location", "长洲街党群服务中心",
                "reason", "便于居民参加")), 200);
        String togetherLink = "/committees/440112/activities/" + together;
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox("hp-member", "consultation.rescheduled", togetherLink).stream()
                .anyMatch(b -> b.contains("长洲街党群服务中心")));
        assertTrue(inbox("hp-member2", "consultation.rescheduled", togetherLink).isEmpty(), "on the waiting list: not a participant yet");

        // told: the members of the plan; the office of the leave and the 批示; the author of what became of the opinion
        String activityLink = "/committees/440112/activities/" + activity;
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox("hp-member", "consultation.opinion", activityLink).size() == 3
                && !inbox("hp-member", "consultation.plan", "/committees/440112/consultation-plans/" + planId).isEmpty()
                && inbox("hp-staff", "consultation.answer", activityLink).stream().anyMatch(b -> b.contains("请假：在外地出差"))
                && !inbox("hp-staff", "consultation.instruction", "/committees/440112/reports/" + report).isEmpty());
        assertTrue(inbox("hp-member", "consultation.opinion", activityLink).stream().anyMatch(b -> b.contains("出台企业服务专员工作办法")));
        assertTrue(inbox("hp-member2", "consultation.opinion", activityLink).isEmpty(), "hp-member2 gave no opinion");

        // 履职: invited and attended (by the check-in) for the activity; the opinion adopted and transformed — once each
        await().atMost(Duration.ofSeconds(60)).until(() -> entryKinds("hp-member", activity).size() >= 2 && entryKinds("hp-member", opinion).size() >= 2);
        org.cppcc.platform.testkit.TopicReader.awaitConsumed(platform.kafka().bootstrapServers(), "members-service", Duration.ofSeconds(60),
                "consultations.events");
        assertEquals(List.of("CONSULTATION_INVITED", "MEETING_ATTENDED"), entryKinds("hp-member", activity));
        assertEquals(List.of("CONSULTATION_OPINION_ADOPTED", "CONSULTATION_OPINION_TRANSFORMED"), entryKinds("hp-member", opinion));
    }
}
