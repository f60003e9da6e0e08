package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser: runs {@code it/console/console.e2e.mjs} (playwright-core driving
 * Debian's {@code /usr/bin/chromium}, never a downloaded browser) against a live server, and fails with the
 * script's output. The script signs in with this server's key, builds a VPC through the UI, traces a
 * blocked packet, allows it from the rule the trace links to and traces again; see its header.
 */
class ConsoleBrowserTest {
  static final Path CONSOLE_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("console");
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @Test
  void console_signInBuildTraceAllow() throws Exception {
    if (!Files.isDirectory(CONSOLE_DIR.resolve("node_modules").resolve("playwright-core"))) {
      fail("playwright-core is not installed: run npm ci in it/console (" + CONSOLE_DIR + "); .ci/run does");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: apt-get install -y chromium (.ci/run installs it)");
    }
    try (LiveServer live = LiveServer.start(Map.of("appid-max-vpcs", 100L))) {
      String out = NodeProcess.run(CONSOLE_DIR, List.of("node", "console.e2e.mjs"), Map.of(
          "OPENVPC_URL", "http://127.0.0.1:" + live.port(),
          "OPENVPC_SECRET_ID", live.secretId,
          "OPENVPC_SECRET_KEY", live.secretKey,
          "CHROMIUM", CHROMIUM.toString()), 300);
      // Every action the scenario needs is implemented now: a PENDING step (the server answered
      // UnsupportedOperation) means one went missing, which fails here rather than being skipped.
      assertThat(out).contains("console e2e: ok").doesNotContain("FAILED").doesNotContain("PENDING")
          .contains("ok      trace a blocked packet").contains("ok      trace again: the packet passes");
    }
  }
}
