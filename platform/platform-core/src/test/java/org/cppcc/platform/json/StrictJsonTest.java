package org.cppcc.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every service's JSON reader refuses, and what it still reads. */
class StrictJsonTest {

    enum Platform { ANDROID, IOS }

    record Device(Platform platform) {
    }

    record Unit(String name, List<String> officers) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void ordinaryBodiesAreRead() throws Exception {
        assertEquals(Platform.ANDROID, mapper().readValue("{\"platform\":\"ANDROID\"}", Device.class).platform());
        assertEquals(List.of("a", "b"), mapper().readValue("{\"name\":\"x\",\"officers\":[\"a\",\"b\"]}", Unit.class).officers());
    }

    @Test
    void aFieldTwiceAHugeStringAndAHugeListAreRefused() {
        assertThrows(JsonProcessingException.class, () -> mapper().readValue("{\"name\":\"x\",\"name\":\"y\"}", Unit.class));
        assertThrows(JsonProcessingException.class, () -> mapper().readValue("{\"name\":\"" + "长".repeat(Limits.TEXT + 1) + "\"}", Unit.class));
        String items = String.join(",", Collections.nCopies(Limits.ITEMS + 1, "\"a\""));
        assertThrows(JsonProcessingException.class, () -> mapper().readValue("{\"name\":\"x\",\"officers\":[" + items + "]}", Unit.class));
    }
}
