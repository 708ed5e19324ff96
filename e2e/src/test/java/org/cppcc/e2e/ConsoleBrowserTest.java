package org.cppcc.e2e;

import org.cppcc.platform.infra.InfraPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console as people use it, in Debian's Chromium driven by playwright-core (console/e2e/flows.mjs): each
 * person logs in on Keycloak's page; a joint proposal goes from the member's draft through co-signing, the office's
 * registration and assignment, two replies and two ratings to publication, each step checked on the next person's
 * screen; then the office's tools around it — a unit's clue taken and written on (订单式提案), a 社情民意 report
 * adopted and compiled into an issue, the proposal recommended to 广州市 and adopted there with its journey on both
 * sides (四级联动), a scoring rule changed and a staff role granted and revoked by the administrator —; then every
 * screen in the navigation of a leader, an administrator, a unit's officer, a member of two committees (in each) and
 * the national office opens with no failed call and no error shown; then the member's screens on a 375-px phone. The run saves the screenshots in docs/screenshots.
 */
class ConsoleBrowserTest extends E2eTest {

    @Test
    void peopleCarryAJointProposalThroughItsWholeLifeInTheBrowser() throws IOException, InterruptedException {
        Path root = InfraPaths.repoRoot();
        Path console = root.resolve("console");
        Path log = root.resolve("e2e/target/console-e2e.log");
        Files.createDirectories(log.getParent());
        assertTrue(Files.isExecutable(Path.of(chromium())), chromium() + " is missing: apt-get install chromium fonts-noto-cjk (.ci/run does)");

        ProcessBuilder node = new ProcessBuilder("node", "e2e/flows.mjs").directory(console.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("CONSOLE_URL", platform.consoleUrl());
        node.environment().put("SCREENSHOTS", root.resolve("docs/screenshots").toString());
        node.environment().put("FAILURES", root.resolve("e2e/target/console-failures").toString());
        node.environment().put("CHROMIUM", chromium());
        Process run = node.start();
        boolean ended = run.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, () -> "the browser flows did not end in 10 minutes:\n" + tail(out));
        assertEquals(0, run.exitValue(), () -> "the browser flows failed (screens in e2e/target/console-failures):\n" + tail(out));
        assertTrue(out.contains("all flows passed"), () -> tail(out));
    }

    private static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : s.substring(s.length() - 6000);
    }
}
