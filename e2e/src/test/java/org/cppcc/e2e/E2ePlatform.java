package org.cppcc.e2e;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.DemoSeed;
import org.cppcc.deploy.LocalPlatform;
import org.cppcc.deploy.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One platform for all e2e test classes (started by the launcher's code on free ports, with the demo data), stopped at JVM exit. */
final class E2ePlatform {

    private static LocalPlatform platform;
    private static Api api;

    private E2ePlatform() {
    }

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                platform = new LocalPlatform(Files.createTempDirectory("cppcc-e2e-"), Ports.free(), null)
                        .start((what, detail) -> System.out.println("[e2e] starting " + what + ": " + detail));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            DemoSeed.run(platform);
            api = new Api(platform.realmUrl());
        }
        return platform;
    }

    static Api api() {
        platform();
        return api;
    }
}
