package org.cppcc.deploy;

import org.cppcc.platform.infra.Wait;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data through the platform's own APIs (so every service learns it from events, as in production):
 * committees at all four levels, their members and handling units. Safe to run again.
 */
public final class DemoSeed {

    public static final String DEMO_PASSWORD = "demo";

    record Committee(String code, String name, String level, String parent) {
    }

    static final List<Committee> COMMITTEES = List.of(
            new Committee("100000", "全国政协", "national", null),
            new Committee("110000", "北京市政协", "provincial", "100000"),
            new Committee("110115", "北京市大兴区政协", "district", "110000"),
            new Committee("440000", "广东省政协", "provincial", "100000"),
            new Committee("440100", "广州市政协", "city", "440000"),
            new Committee("440112", "广州市黄埔区政协", "district", "440100"),
            new Committee("440300", "深圳市政协", "city", "440000"));

    record Membership(String username, String committee, String name, String gender, String party, String sector, String workUnit,
                      String jobTitle, boolean standing, String mobile) {
    }

    static final List<Membership> MEMBERS = List.of(
            new Membership("hp-member", "440112", "张伟", "男", "中国民主建国会", "经济界", "广州开发区某科技公司", "总经理", false, "13800000001"),
            new Membership("hp-member2", "440112", "李华", "女", "中国农工民主党", "医药卫生界", "黄埔区人民医院", "主任医师", false, "13800000004"),
            new Membership("gz-member", "440100", "陈芳", "女", "九三学社", "科技界", "广州大学", "教授", true, "13800000002"),
            new Membership("gz-member", "440000", "陈芳", "女", "九三学社", "科技界", "广州大学", "教授", false, "13800000002"),
            new Membership("dx-member", "110115", "周军", "男", "无党派人士", "农业界", "大兴区农业技术推广站", "站长", false, "13800000003"));

    record Unit(String committee, String name, List<String> officers) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit("440112", "黄埔区科技局", List.of("hp-unit")),
            new Unit("440112", "黄埔区住房和城乡建设局", List.of("hp-unit2")),
            new Unit("440100", "广州市科技局", List.of("gz-unit")),
            new Unit("440100", "广州市教育局", List.of()));

    private DemoSeed() {
    }

    public static void run(LocalPlatform platform) {
        run(platform.realmUrl(), platform::url);
    }

    /**
     * The demo seed against a platform running elsewhere (deploy/compose's one-shot job): the realm's URL and each
     * service's from the environment — CPPCC_REALM_URL, CPPCC_MEMBERS_URL, CPPCC_PROPOSALS_URL, CPPCC_CONSULTATION_URL, CPPCC_NOTIFICATION_URL.
     */
    public static void main(String[] args) {
        java.util.function.Function<String, String> env = name -> java.util.Optional.ofNullable(System.getenv(name))
                .orElseThrow(() -> new IllegalArgumentException(name + " is not set"));
        Map<Service, String> urls = new java.util.EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            urls.put(s, env.apply("CPPCC_" + s.name() + "_URL"));
        }
        // the services may still be starting: wait for each to be ready before the first call
        urls.values().forEach(u -> Wait.until(u, Duration.ofMinutes(5), () -> Wait.httpOk(u + "/q/health/ready")));
        run(env.apply("CPPCC_REALM_URL"), urls::get);
        System.out.println("demo committees, members and handling units are in place");
    }

    static void run(String realmUrl, java.util.function.Function<Service, String> urlOf) {
        Api api = new Api(realmUrl);
        String admin = api.token("admin", DEMO_PASSWORD);
        String members = urlOf.apply(Service.MEMBERS);
        for (Committee c : COMMITTEES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", c.name());
            body.put("level", c.level());
            body.put("parentCode", c.parent());
            expect(api.put(members + "/admin/committees/" + c.code(), admin, body), "committee " + c.code());
        }
        // the other services learn the committees from members.events; wait until they have them all
        for (Service s : List.of(Service.PROPOSALS, Service.CONSULTATION)) {
            String path = s == Service.PROPOSALS ? "/handling-units" : "/activities";
            Wait.until(s.module() + " learning the committees", Duration.ofSeconds(60), () -> COMMITTEES.stream()
                    .allMatch(c -> api.get(urlOf.apply(s) + "/committees/" + c.code() + path, admin).status() != 404));
        }
        // 黄埔区's registry: its sectors, special committees and current term, and a member workstation
        String huangpu = members + "/committees/440112";
        expect(api.put(huangpu + "/registry/sectors", admin, List.of("中共", "民主党派", "无党派人士", "经济界", "科技界", "教育界",
                "医药卫生界", "文化艺术界", "农业界", "社会福利和社会保障界")), "sectors of 440112");
        expect(api.put(huangpu + "/registry/special-committees", admin, List.of("提案委员会", "经济科技委员会", "社会和法制委员会",
                "文化文史和学习委员会")), "special committees of 440112");
        expect(api.put(huangpu + "/registry/terms/1", admin, Map.of("number", 1, "name", "第一届", "startsOn", "2022-01-01",
                "endsOn", "2026-12-31", "sessions", List.of(
                        Map.of("number", 1, "name", "一届一次会议", "opensOn", "2022-01-10"),
                        Map.of("number", 2, "name", "一届二次会议", "opensOn", "2023-01-09"),
                        Map.of("number", 3, "name", "一届三次会议", "opensOn", "2024-01-08"),
                        Map.of("number", 4, "name", "一届四次会议", "opensOn", "2025-01-06"),
                        Map.of("number", 5, "name", "一届五次会议", "opensOn", "2026-01-12")))), "term of 440112");
        // its chairman (主席), staffed by API so the other services hear of the leader (督办 of key proposals)
        expect(api.put(huangpu + "/staff/hp-leader/roles/leader", admin, Map.of()), "leader of 440112");
        expect(api.post(huangpu + "/workstations", admin, Map.of("name", "长洲街委员工作站", "address", "广州市黄埔区长洲街")),
                "workstation of 440112");
        for (Membership m : MEMBERS) {
            String userId = Api.subject(api.token(m.username(), DEMO_PASSWORD));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("userId", userId);
            body.put("username", m.username());
            body.put("name", m.name());
            body.put("gender", m.gender());
            body.put("ethnicity", "汉族");
            body.put("party", m.party());
            body.put("sector", m.sector());
            body.put("workUnit", m.workUnit());
            body.put("jobTitle", m.jobTitle());
            body.put("standingCommittee", m.standing());
            body.put("email", m.username() + "@demo.cppcc.local");
            body.put("mobile", m.mobile());
            expect(api.post(members + "/committees/" + m.committee() + "/members", admin, body), "member " + m.username());
        }
        for (Unit u : UNITS) {
            expect(api.post(urlOf.apply(Service.PROPOSALS) + "/committees/" + u.committee() + "/handling-units", admin,
                    Map.of("name", u.name(), "officers", u.officers())), "handling unit " + u.name());
        }
    }

    /** 2xx, or 409 when it exists from an earlier run. */
    private static void expect(Api.Reply r, String what) {
        if (r.status() / 100 != 2 && r.status() != 409) {
            throw new IllegalStateException("seeding " + what + " failed: " + r.status() + " " + r.body());
        }
    }
}
