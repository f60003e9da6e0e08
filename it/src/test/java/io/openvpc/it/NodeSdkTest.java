package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node SDK tests ({@code it/node/test/*.test.js}, node's built-in runner) against a live
 * server: the official {@code tencentcloud-sdk-nodejs} from npm, which signs differently from Java
 * (host without the port). Any engineer adds Node coverage for an action by dropping a test file
 * there; {@code it/node/lib/openvpc.js} gives them a configured client.
 */
class NodeSdkTest {
  static final Path NODE_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("node");

  @Test
  void nodeSdk_everyTestFile() throws Exception {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("tencentcloud-sdk-nodejs"))) {
      fail("tencentcloud-sdk-nodejs is not installed: run npm ci in it/node (" + NODE_DIR + "); .ci/run does");
    }
    List<String> files;
    try (Stream<Path> s = Files.list(NODE_DIR.resolve("test"))) {
      files = s.map(p -> "test/" + p.getFileName()).filter(n -> n.endsWith(".test.js")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    Path output = Files.createTempFile("openvpc-node", ".log");
    try (LiveServer live = LiveServer.start(Map.of("appid-max-vpcs", 100L))) {
      List<String> cmd = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
      cmd.addAll(files);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectErrorStream(true);
      pb.redirectOutput(output.toFile());
      Map<String, String> env = pb.environment();
      for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
        env.remove(proxy);
      }
      env.put("OPENVPC_PORT", String.valueOf(live.port()));
      env.put("OPENVPC_SECRET_ID", live.secretId);
      env.put("OPENVPC_SECRET_KEY", live.secretKey);
      env.put("OPENVPC_REGION", LiveServer.REGION);
      Process node;
      try {
        node = pb.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run node (is Node.js 18+ installed?): " + e.getMessage(), e);
      }
      if (!node.waitFor(180, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail("node --test did not finish within 180 s:\n" + Files.readString(output));
      }
      String out = Files.readString(output);
      System.out.println(out);
      if (node.exitValue() != 0) {
        fail("node --test failed (exit " + node.exitValue() + "):\n" + out);
      }
      assertThat(out).contains("fail 0").doesNotContain("tests 0");
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
