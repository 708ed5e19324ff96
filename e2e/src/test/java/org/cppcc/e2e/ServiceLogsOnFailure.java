package org.cppcc.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * When an end-to-end test fails, prints the services' ERROR lines (the last ones of each log) to the build's
 * output: CI keeps only that, and a 500 from a service is otherwise a mystery there.
 */
final class ServiceLogsOnFailure implements TestWatcher {

    private static final int LINES_PER_LOG = 15;
    private static final int CHARS_PER_LINE = 1_500;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (E2eTest.platform == null) {
            return;
        }
        try (Stream<Path> logs = Files.list(E2eTest.platform.logs())) {
            logs.filter(p -> p.getFileName().toString().endsWith("-service.log")).sorted().forEach(log -> {
                List<String> errors = errors(log);
                System.out.println("[e2e] " + context.getDisplayName() + " failed; last ERROR lines of " + log.getFileName() + ":");
                errors.subList(Math.max(0, errors.size() - LINES_PER_LOG), errors.size())
                        .forEach(l -> System.out.println("  " + (l.length() > CHARS_PER_LINE ? l.substring(0, CHARS_PER_LINE) + "…" : l)));
            });
        } catch (IOException e) {
            System.out.println("[e2e] service logs not readable: " + e);
        }
    }

    private static List<String> errors(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }
}
