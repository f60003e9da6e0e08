package io.openvpc.it;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code openvpc} run as a separate JVM with the test's classpath, for what an in-process server
 * cannot show: SIGKILL, SIGTERM and a second process opening the embedded database.
 */
final class ServerProcess implements AutoCloseable {
  static final String MAIN = "io.openvpc.server.cli.Main";
  final Path dataDir;
  final String secretId = "AKIDproc" + UUID.randomUUID().toString().replace("-", "");
  final String secretKey = UUID.randomUUID().toString().replace("-", "");
  final int port;
  private final List<String> extraArgs;
  private Process process;
  private Path output;
  private int starts;

  ServerProcess(Path dataDir, String... extraArgs) {
    this.dataDir = dataDir;
    this.port = freePort();
    this.extraArgs = List.of(extraArgs);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A command of {@code openvpc}, run with the test's classpath, its output going to {@code output}. */
  static ProcessBuilder openvpc(Path output, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MAIN));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(output.toFile());
    pb.environment().remove("OPENVPC_DATABASE_URL");
    return pb;
  }

  /** Starts the server and waits until {@code /healthz} answers. */
  ServerProcess start() throws Exception {
    output = dataDir.resolveSibling(dataDir.getFileName() + "-server-" + (++starts) + ".log");
    List<String> args = new ArrayList<>(List.of("server", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
    args.addAll(extraArgs);
    ProcessBuilder pb = openvpc(output, args);
    pb.environment().put("OPENVPC_SECRET_ID", secretId);
    pb.environment().put("OPENVPC_SECRET_KEY", secretKey);
    process = pb.start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("openvpc server exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("openvpc server did not answer /healthz within 60 s:\n" + output());
  }

  Process process() {
    return process;
  }

  String output() {
    try {
      return output == null || !Files.exists(output) ? "" : Files.readString(output);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  VpcClient vpc() {
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + port);
    http.setProtocol(HttpProfile.REQ_HTTP);
    http.setConnTimeout(5);
    http.setReadTimeout(10);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new VpcClient(new Credential(secretId, secretKey), LiveServer.REGION, profile);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("openvpc server ignored SIGTERM for 30 s:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
