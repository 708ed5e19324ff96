package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 履职 across the real services: what a member does in consultation-service (invited to a research trip,
 * attended, spoke) and in proposals-service (a proposal, a 社情民意 report adopted) becomes entries and points in
 * members-service, each exactly once, under the committee's rules.
 */
class DutyPerformanceFlowTest extends E2eTest {

    private static JsonNode record(String memberId) {
        Api.Reply r = api.get(platform.url(Service.MEMBERS) + "/committees/440112/members/" + memberId + "/performance?limit=100",
                token("hp-member"));
        assertEquals(200, r.status(), () -> r.body().toString());
        return r.body();
    }

    private static List<String> entries(JsonNode record, String evidenceId) {
        List<String> kinds = new ArrayList<>();
        record.at("/entries/items").forEach(e -> {
            if (e.get("evidenceId").asText().equals(evidenceId)) {
                kinds.add(e.get("kind").asText());
            }
        });
        return kinds.stream().sorted().toList();
    }

    @Test
    void whatAMemberDoesInConsultationAndProposalsCountsOnceInTheirRecord() {
        String consultation = platform.url(Service.CONSULTATION) + "/committees/440112/activities";
        String memberId = api.get(platform.url(Service.MEMBERS) + "/committees/440112/members/me", token("hp-member")).body().get("id").asText();
        double before = record(memberId).at("/score/score/total").asDouble();

        Api.Reply scheduled = api.post(consultation, token("hp-staff"), Map.of("form", "RESEARCH", "title", "老旧小区加装电梯专题调研",
                "startsAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "location", "黄埔区长洲街"));
        assertEquals(201, scheduled.status(), () -> scheduled.body().toString());
        String activity = scheduled.body().get("id").asText();
        // the roster reaches consultation-service through members.events; invite once it knows hp-member
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post(consultation + "/" + activity + "/invitations", token("hp-staff"),
                Map.of("usernames", List.of("hp-member"))).status() == 200);
        Map<String, Object> attendance = Map.of("records", List.of(Map.of("username", "hp-member", "participation", "ATTENDED", "spoke", true)));
        assertEquals(200, api.put(consultation + "/" + activity + "/attendance", token("hp-staff"), attendance).status());
        assertEquals(200, api.put(consultation + "/" + activity + "/attendance", token("hp-staff"), attendance).status()); // again: no new facts

        Api.Reply proposal = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals", token("hp-member"),
                Map.of("title", "关于加快老旧小区加装电梯的提案", "body", "调研发现审批环节多。", "publishConsent", true));
        assertEquals(201, proposal.status(), () -> proposal.body().toString());
        String proposalId = proposal.body().get("id").asText();

        String opinions = platform.url(Service.PROPOSALS) + "/committees/440112/opinion-reports";
        Api.Reply report = api.post(opinions, token("hp-member"), Map.of("title", "群众反映加装电梯审批难", "body", "建议设立一站式窗口。"));
        assertEquals(201, report.status(), () -> report.body().toString());
        String reportId = report.body().get("id").asText();
        assertEquals(200, api.post(opinions + "/" + reportId + "/adopt", token("hp-staff"), Map.of("adoptedBy", "区委办《每日要情》")).status());
        // compiled into the year's 信息专报 issue: one more entry for the author
        Api.Reply issue = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/opinion-issues", token("hp-staff"),
                Map.of("recipients", List.of("区委书记"), "reportIds", List.of(reportId)));
        assertEquals(200, issue.status(), () -> issue.body().toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> entries(record(memberId), activity).size() >= 3
                && entries(record(memberId), proposalId).size() >= 1 && entries(record(memberId), reportId).size() >= 3);
        // a second entry could only come from a redelivered event: once members-service has taken everything, count
        org.cppcc.platform.testkit.TopicReader.awaitConsumed(platform.kafka().bootstrapServers(), "members-service",
                Duration.ofSeconds(60), "proposals.events", "consultations.events");
        JsonNode after = record(memberId);
        assertEquals(List.of("CONSULTATION_INVITED", "CONSULTATION_SPOKE", "RESEARCH_JOINED"), entries(after, activity));
        assertEquals(List.of("PROPOSAL_SUBMITTED"), entries(after, proposalId));
        assertEquals(List.of("OPINION_ADOPTED", "OPINION_INCLUDED", "OPINION_SUBMITTED"), entries(after, reportId));
        // default rules: invited 0, spoke +4, research +3, proposal submitted +3, report submitted +2, compiled +3, adopted +4
        double gained = after.at("/score/score/total").asDouble() - before;
        assertTrue(gained > 0 && gained <= 19, "gained " + gained);
    }
}
