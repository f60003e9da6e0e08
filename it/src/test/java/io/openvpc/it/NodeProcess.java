package io.openvpc.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node.js program of the end-to-end tests (the Node SDK tests, the console's browser script) in
 * {@code dir} with {@code env} added and no proxy variables (the server is on loopback), and returns its
 * combined output; fails the test with that output when it exits non-zero or runs past {@code timeout}.
 */
final class NodeProcess {
  private NodeProcess() {}

  static String run(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
    Path output = Files.createTempFile("openvpc-node", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      pb.redirectOutput(output.toFile());
      Map<String, String> environment = pb.environment();
      for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
        environment.remove(proxy);
      }
      environment.putAll(env);
      Process node;
      try {
        node = pb.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run node (is Node.js 18+ installed?): " + e.getMessage(), e);
      }
      if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(output));
      }
      String out = Files.readString(output);
      System.out.println(out);
      if (node.exitValue() != 0) {
        fail(String.join(" ", command) + " failed (exit " + node.exitValue() + "):\n" + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
