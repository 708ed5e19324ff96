package org.cppcc.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process with its output in a log file, stopped together with its own children. */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return new ManagedProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a command to completion (e.g. a one-off build step); fails if it exits non-zero. */
    public static void run(String name, List<String> command, Path workDir, Map<String, String> env, Path log, long timeoutSeconds) {
        ManagedProcess p = start(name, command, workDir, env, log);
        try {
            if (!p.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.stop();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
            if (p.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + p.process.exitValue() + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM to the process and its descendants, SIGKILL after a grace period. */
    public void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills at once, as a crash would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a log file gained since a byte offset (read when waiting for a line a process prints once it is up). */
    static String logSince(Path log, long offset) {
        try {
            byte[] all = java.nio.file.Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
