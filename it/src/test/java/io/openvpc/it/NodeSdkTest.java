package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    Path calls = Files.createTempFile("openvpc-node-calls", ".txt");
    try (LiveServer live = LiveServer.start(Map.of("appid-max-vpcs", 100L))) {
      List<String> cmd = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
      cmd.addAll(files);
      String out = NodeProcess.run(NODE_DIR, cmd, Map.of(
          "OPENVPC_PORT", String.valueOf(live.port()),
          "OPENVPC_SECRET_ID", live.secretId,
          "OPENVPC_SECRET_KEY", live.secretKey,
          "OPENVPC_REGION", LiveServer.REGION,
          "OPENVPC_NODE_CALLS", calls.toString()), 300);
      assertThat(out).contains("fail 0").doesNotContain("tests 0");

      // Every family through the Node SDK too, and every product that lands next: an action the server
      // implements must have succeeded at least once in these tests.
      Set<String> succeeded = new TreeSet<>();
      for (String line : Files.readAllLines(calls)) {
        String[] f = line.split(" ");
        if (f.length == 3 && f[2].equals("ok")) {
          succeeded.add(f[1]);
        }
      }
      Set<String> implemented = new TreeSet<>();
      live.server().dispatcher().actions().all().forEach(e -> implemented.add(e.spec().action()));
      Set<String> missing = new TreeSet<>(implemented);
      missing.removeAll(succeeded);
      assertThat(missing).as("implemented actions no Node SDK test called successfully (add them to it/node/test)")
          .isEmpty();
      ErrorContract.assertHeld(live);
    } finally {
      Files.deleteIfExists(calls);
    }
  }
}
