package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser: runs {@code it/console/console.e2e.mjs} (playwright-core driving
 * Debian's {@code /usr/bin/chromium}, never a downloaded browser) against a live server, and fails with the
 * script's output. The script signs in with this server's key, builds a VPC through the UI and traces a
 * packet; see its header for the scenario. Set {@code OPENVPC_SCREENSHOTS} to a directory to keep the
 * screenshots (the README's pictures come from {@code docs/images}).
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
    Path output = Files.createTempFile("openvpc-console", ".log");
    try (LiveServer live = LiveServer.start(Map.of("appid-max-vpcs", 100L))) {
      ProcessBuilder pb = new ProcessBuilder(List.of("node", "console.e2e.mjs")).directory(CONSOLE_DIR.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile());
      Map<String, String> env = pb.environment();
      for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
        env.remove(proxy);
      }
      env.put("OPENVPC_URL", "http://127.0.0.1:" + live.port());
      env.put("OPENVPC_SECRET_ID", live.secretId);
      env.put("OPENVPC_SECRET_KEY", live.secretKey);
      env.put("CHROMIUM", CHROMIUM.toString());
      Process node;
      try {
        node = pb.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run node (is Node.js 18+ installed?): " + e.getMessage(), e);
      }
      if (!node.waitFor(300, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail("the console test did not finish within 300 s:\n" + Files.readString(output));
      }
      String out = Files.readString(output);
      System.out.println(out);
      if (node.exitValue() != 0) {
        fail("the console test failed (exit " + node.exitValue() + "):\n" + out);
      }
      assertThat(out).contains("console e2e: ok").contains("ok      sign in and see the region picker")
          .contains("ok      the VPC page draws its topology").doesNotContain("FAILED");
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
