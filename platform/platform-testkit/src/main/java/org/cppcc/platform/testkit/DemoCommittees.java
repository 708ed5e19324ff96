package org.cppcc.platform.testkit;

import java.util.List;

/**
 * The demo committee tree, announced on members.events as members-service would, so that a service
 * under test builds its committee read model through its real Kafka consumer.
 */
public final class DemoCommittees {

    public record Demo(String code, String name, String level, String parentCode) {
    }

    public static final List<Demo> TREE = List.of(
            new Demo("100000", "全国政协", "national", null),
            new Demo("110000", "北京市政协", "provincial", "100000"),
            new Demo("110115", "北京市大兴区政协", "district", "110000"),
            new Demo("440000", "广东省政协", "provincial", "100000"),
            new Demo("440100", "广州市政协", "city", "440000"),
            new Demo("440112", "广州市黄埔区政协", "district", "440100"),
            new Demo("440300", "深圳市政协", "city", "440000"));

    private DemoCommittees() {
    }

    /** Publishes one CommitteeRegistered per committee; fixed event ids, so publishing twice is a redelivery. */
    public static void announce() {
        for (Demo c : TREE) {
            String parent = c.parentCode() == null ? "null" : "\"" + c.parentCode() + "\"";
            String event = """
                    {"specversion":"1.0","id":"demo-committee-%s","source":"/cppcc/members-service",
                     "type":"org.cppcc.members.CommitteeRegistered.v1","subject":"%s","time":"2026-01-01T00:00:00Z",
                     "datacontenttype":"application/json","committee":"%s",
                     "data":{"code":"%s","name":"%s","level":"%s","parentCode":%s}}
                    """.formatted(c.code(), c.code(), c.code(), c.code(), c.name(), c.level(), parent);
            TopicReader.publish("members.events", c.code(), event);
        }
    }
}
