package org.cppcc.notifications;

import org.cppcc.platform.testkit.TestClock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.cppcc.notifications.delivery.DigestJob;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mail (real SMTP), SMS and push (a local HTTP gateway and provider), with preferences, quiet hours, digests and retries. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class ChannelsTest {

    static final String HP_EMAIL = "hp-member@demo.cppcc.local";
    static final String HP_MOBILE = "13800000001";
    /** 10:00 in Guangzhou: outside the default quiet hours */
    static final Instant DAYTIME = ZonedDateTime.parse("2026-11-23T10:00:00+08:00[Asia/Shanghai]").toInstant();

    @Inject
    TestClock clock;
    @Inject
    DigestJob digests;

    static boolean rosterReady;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    static String hpMember() {
        return Tokens.subject(Tokens.of("hp-member"));
    }

    @BeforeEach
    void roster() {
        clock.set(DAYTIME);
        ChannelsTestResource.SMS_FAILS.set(false);
        if (!rosterReady) {
            org.cppcc.platform.testkit.DemoCommittees.announce();
            Events.memberJoined("440112", hpMember(), "hp-member", "张伟", HP_EMAIL, HP_MOBILE);
            as("hp-member").body("{\"platform\":\"ANDROID\"}").put("/me/devices/device-hp-1").then().statusCode(204);
            // the roster is in once a message to 440112's members reaches hp-member by e-mail
            String title = "名册就绪 " + UUID.randomUUID();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Events.publish("consultations.events", "ready", Events.activityCancelled("440112", UUID.randomUUID().toString(), title));
                return !emails(HP_EMAIL, title).isEmpty();
            });
            rosterReady = true;
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
        ChannelsTestResource.SMS_FAILS.set(false);
    }

    static List<MimeMessage> emails(String to, String textInSubjectOrBody) {
        return Arrays.stream(ChannelsTestResource.smtp().getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(RecipientType.TO)[0].toString().equals(to)
                        && (m.getSubject().contains(textInSubjectOrBody) || String.valueOf(m.getContent()).contains(textInSubjectOrBody));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static long sms(String text) {
        return ChannelsTestResource.SMS.stream().filter(s -> s.contains(text)).count();
    }

    /** hp-member's view of the inbox item with this link, with its deliveries. */
    static JsonPath detail(String linkEnd) {
        String id = as("hp-member").get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.link.endsWith('" + linkEnd + "') }.id");
        return as("hp-member").get("/me/notifications/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The status of hp-member's delivery on a channel, or null while there is no such item yet. */
    static String status(String linkEnd, String channel) {
        String id = as("hp-member").get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.link.endsWith('" + linkEnd + "') }.id");
        if (id == null) {
            return null;
        }
        return as("hp-member").get("/me/notifications/" + id).then().statusCode(200).extract().jsonPath()
                .getString("deliveries.find { it.channel == '" + channel + "' }.status");
    }

    @Test
    void anUrgentMessageGoesOutByEmailSmsAndPush() {
        String activity = UUID.randomUUID().toString();
        String title = "专题协商会 " + activity.substring(0, 8);
        Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));

        await().atMost(Duration.ofSeconds(30)).until(() -> !emails(HP_EMAIL, title).isEmpty() && sms(title) == 1
                && ChannelsTestResource.PUSH.stream().anyMatch(p -> p.contains(title) && p.contains("device-hp-1")));
        assertTrue(ChannelsTestResource.SMS.stream().anyMatch(s -> s.contains(title) && s.contains(HP_MOBILE) && s.contains("【政协】")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath d = detail("/activities/" + activity);
            assertEquals(List.of("EMAIL", "PUSH", "SMS"), d.getList("deliveries.channel"));
            assertEquals(List.of("SENT", "SENT", "SENT"), d.getList("deliveries.status"));
        });
    }

    @Test
    void quietHoursHoldSmsAndPushUntilMorningButNotTheInboxOrEmail() {
        clock.set(ZonedDateTime.parse("2026-11-23T23:30:00+08:00[Asia/Shanghai]").toInstant());
        String activity = UUID.randomUUID().toString();
        String title = "夜间消息 " + activity.substring(0, 8);
        Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));

        await().atMost(Duration.ofSeconds(30)).until(() -> !emails(HP_EMAIL, title).isEmpty());
        // the dispatcher has looked at the SMS and put it off (a condition, not a clock)
        await().atMost(Duration.ofSeconds(30)).until(() -> "deferred: quiet hours".equals(
                detail("/activities/" + activity).getString("deliveries.find { it.channel == 'SMS' }.lastError")));
        assertEquals(0, sms(title), "no SMS at night");
        assertEquals("QUEUED", status("/activities/" + activity, "SMS"));
        assertEquals("QUEUED", status("/activities/" + activity, "PUSH"));

        clock.set(ZonedDateTime.parse("2026-11-24T07:01:00+08:00[Asia/Shanghai]").toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> sms(title) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("/activities/" + activity, "PUSH")));
    }

    @Test
    void lowPriorityEmailsWaitForTheDailyDigest() {
        String proposal = UUID.randomUUID().toString();
        String title = "摘要测试提案 " + proposal.substring(0, 8);
        Events.publish("proposals.events", proposal, Events.proposalSubmitted("440112", proposal, hpMember(), title));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DIGEST".equals(status("/proposals/" + proposal, "EMAIL")));
        assertTrue(emails(HP_EMAIL, title).isEmpty(), "no e-mail of its own");

        assertTrue(digests.sendDigests() >= 1);
        List<MimeMessage> digest = emails(HP_EMAIL, title);
        assertEquals(1, digest.size());
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(status("/proposals/" + proposal, "EMAIL")));
        digests.sendDigests();
        assertEquals(1, emails(HP_EMAIL, title).size(), "a digest item is sent once only");
    }

    @Test
    void aFailingSmsGatewayIsRetriedThenDeadLetteredWithoutHoldingUpEmail() {
        ChannelsTestResource.SMS_FAILS.set(true);
        String activity = UUID.randomUUID().toString();
        String title = "短信网关故障 " + activity.substring(0, 8);
        Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));

        await().atMost(Duration.ofSeconds(30)).until(() -> !emails(HP_EMAIL, title).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status("/activities/" + activity, "SMS")));
        assertEquals(3, detail("/activities/" + activity).getInt("deliveries.find { it.channel == 'SMS' }.attempts"));

        String deliveryId = as("hp-staff").get("/committees/440112/deliveries?status=FAILED&limit=100").then().statusCode(200)
                .body("items.channel", hasItem("SMS")).extract().jsonPath()
                .getString("items.find { it.userId == '" + hpMember() + "' && it.lastError != null }.id");
        as("gz-staff").get("/committees/440112/deliveries?status=FAILED").then().statusCode(403);
        as("hp-member").get("/committees/440112/deliveries?status=FAILED").then().statusCode(403);

        ChannelsTestResource.SMS_FAILS.set(false);
        as("hp-staff").post("/committees/440112/deliveries/" + deliveryId + "/retry").then().statusCode(200).body("status", equalTo("QUEUED"));
        as("hp-staff").post("/committees/440112/deliveries/" + deliveryId + "/retry").then().statusCode(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> ChannelsTestResource.SMS.stream().anyMatch(s -> s.contains("短信网关故障")));
    }

    @Test
    void theProviderIsCalledOutsideAnyTransactionAndACrashMidSendResendsWithTheSameKey() throws Exception {
        ChannelsTestResource.SMS_ARRIVED.set(new java.util.concurrent.CountDownLatch(1));
        var hold = new java.util.concurrent.CompletableFuture<Void>();
        ChannelsTestResource.SMS_HOLD.set(hold);
        String activity = UUID.randomUUID().toString();
        String title = "发送不占事务 " + activity.substring(0, 8);
        String deliveryId;
        try (java.sql.Connection db = org.cppcc.platform.testkit.TestPlatform.database()) {
            Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));
            assertTrue(ChannelsTestResource.SMS_ARRIVED.get().await(30, java.util.concurrent.TimeUnit.SECONDS), "the gateway was called");
            // while the gateway holds the request: the claim is committed and no lock is held on the row
            db.setAutoCommit(false);
            try (var st = db.prepareStatement("select d.id from delivery d join notification n on n.id = d.notification_id "
                    + "where d.channel = 'SMS' and d.status = 'SENDING' and n.link like ? for update nowait")) {
                st.setString(1, "%" + activity);
                try (var rs = st.executeQuery()) {
                    assertTrue(rs.next(), "the delivery is SENDING, committed before the call");
                    deliveryId = rs.getString(1);
                }
            }
            db.rollback();
        } finally {
            ChannelsTestResource.SMS_HOLD.set(null);
            hold.complete(null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status("/activities/" + activity, "SMS")));
        assertTrue(ChannelsTestResource.SMS_KEYS.contains(deliveryId), "the provider is given the delivery as its idempotency key");

        // the service dies mid-send: the claim's lease runs out (long ago, whatever the test clock says) and the same
        // delivery goes out again, one attempt more
        try (java.sql.Connection db = org.cppcc.platform.testkit.TestPlatform.database();
             var st = db.prepareStatement("update delivery set status = 'SENDING', lease_until = timestamptz '2000-01-01' where id = ?::uuid")) {
            st.setString(1, deliveryId);
            assertEquals(1, st.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sms(title) == 2 && "SENT".equals(status("/activities/" + activity, "SMS")));
        assertEquals(2, detail("/activities/" + activity).getInt("deliveries.find { it.channel == 'SMS' }.attempts"));
        assertEquals(2, ChannelsTestResource.SMS_KEYS.stream().filter(deliveryId::equals).count(), "both attempts carry the same key");
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        String activity = UUID.randomUUID().toString();
        String title = "重复投递 " + activity.substring(0, 8);
        String event = Events.activityCancelled("440112", activity, title);
        Events.publish("consultations.events", activity, event);
        Events.publish("consultations.events", activity, event);

        // a marker behind the duplicate on the same key: once its SMS is out, the duplicate had its chance
        String marker = "标记 " + UUID.randomUUID().toString().substring(0, 8);
        Events.publish("consultations.events", activity, Events.activityCancelled("440112", UUID.randomUUID().toString(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> !emails(HP_EMAIL, title).isEmpty() && sms(marker) == 1);
        assertEquals(1, emails(HP_EMAIL, title).size());
        assertEquals(1, sms(title));
        long items = as("hp-member").get("/me/notifications?limit=100").then().extract().jsonPath()
                .getList("items.link", String.class).stream().filter(l -> l.endsWith(activity)).count();
        assertEquals(1, items);
    }

    @Test
    void aPersonCanTurnAChannelOffAndChooseTheirLanguage() {
        as("hp-member").get("/me/preferences").then().statusCode(200).body("locale", equalTo("zh-CN"))
                .body("quietHours.start", equalTo("22:00:00"))
                .body("categories.find { it.category == 'consultation.cancelled' }.channels", org.hamcrest.Matchers.containsInAnyOrder("EMAIL", "SMS", "PUSH"));
        as("hp-member").body(Map.of("locale", "fr", "categories", List.of())).put("/me/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        as("hp-member").body(Map.of("locale", "en", "categories", List.of(Map.of("category", "no.such", "channels", List.of(), "digest", false))))
                .put("/me/preferences").then().statusCode(400);
        try {
            as("hp-member").body(Map.of("locale", "en", "quietHours", Map.of("start", "22:00", "end", "07:00"), "categories",
                            List.of(Map.of("category", "consultation.cancelled", "channels", List.of("SMS"), "digest", false))))
                    .put("/me/preferences").then().statusCode(200).body("locale", equalTo("en"));
            String activity = UUID.randomUUID().toString();
            String title = "偏好测试 " + activity.substring(0, 8);
            Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));
            await().atMost(Duration.ofSeconds(30)).until(() -> sms(title) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SKIPPED".equals(status("/activities/" + activity, "EMAIL")));
            assertTrue(emails(HP_EMAIL, title).isEmpty());

            // an item for hp-member alone is written in their language
            String proposal = UUID.randomUUID().toString();
            Events.publish("proposals.events", proposal, Events.proposalSubmitted("440112", proposal, hpMember(), "Language test"));
            await().atMost(Duration.ofSeconds(30)).until(() -> as("hp-member").get("/me/notifications?limit=100").then().extract().jsonPath()
                    .getList("items.findAll { it.link.endsWith('" + proposal + "') }.title", String.class).contains("Proposal submitted"));
        } finally {
            as("hp-member").body(Map.of("locale", "zh-CN", "quietHours", Map.of("start", "22:00", "end", "07:00"), "categories", List.of()))
                    .put("/me/preferences").then().statusCode(200);
        }
    }

    @Test
    void anAdministratorEditsATemplateWithoutARedeploy() {
        String original = "{\"title\":\"协商活动取消\",\"body\":\"《{title}》已取消：{reason}\"}";
        as("hp-staff").body(original).put("/admin/templates/consultation.cancelled/INBOX/zh-CN").then().statusCode(403);
        as("admin").body("{\"title\":\"x\",\"body\":\"{#if}\"}").put("/admin/templates/consultation.cancelled/INBOX/zh-CN").then().statusCode(400);
        try {
            as("admin").body("{\"title\":\"活动取消通知\",\"body\":\"{title} 不再举行（{reason}）\"}")
                    .put("/admin/templates/consultation.cancelled/INBOX/zh-CN").then().statusCode(200);
            String activity = UUID.randomUUID().toString();
            Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, "模板测试"));
            await().atMost(Duration.ofSeconds(30)).until(() -> as("hp-member").get("/me/notifications?limit=100").then().extract().jsonPath()
                    .getList("items.body", String.class).contains("模板测试 不再举行（台风预警）"));
        } finally {
            as("admin").body(original).put("/admin/templates/consultation.cancelled/INBOX/zh-CN").then().statusCode(200);
        }
    }

    @Test
    void providersReportDeliveryWithAReceipt() {
        String activity = UUID.randomUUID().toString();
        String title = "回执测试 " + activity.substring(0, 8);
        Events.publish("consultations.events", activity, Events.activityCancelled("440112", activity, title));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status("/activities/" + activity, "SMS")));
        String sent = ChannelsTestResource.SMS.stream().filter(s -> s.contains(title)).findFirst().orElseThrow();
        // the gateway answered with its messageId, which the delivery keeps
        String messageId = providerRef(activity);
        given().contentType("application/json").body("{\"messageId\":\"" + messageId + "\",\"status\":\"DELIVERED\"}")
                .post("/channels/sms/receipts").then().statusCode(401);
        given().contentType("application/json").header("X-Receipt-Token", "test-receipt-token")
                .body("{\"messageId\":\"" + messageId + "\",\"status\":\"DELIVERED\"}").post("/channels/sms/receipts").then().statusCode(204);
        assertEquals("DELIVERED", status("/activities/" + activity, "SMS"));
        assertTrue(sent.contains(HP_MOBILE));
    }

    private static String providerRef(String activity) {
        try (var c = org.cppcc.platform.testkit.TestPlatform.database();
             var st = c.prepareStatement("select d.provider_ref from delivery d join notification n on n.id = d.notification_id "
                     + "where n.link like ? and d.channel = 'SMS'")) {
            st.setString(1, "%" + activity);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
