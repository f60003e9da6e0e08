package io.openvpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVpcServerTest {
  @TempDir
  Path tmp;

  @Test
  void firstStart_dataDirectoryCredentialsAndDatabase_readableByTheOwnerOnly() throws Exception {
    Path dir = tmp.resolve("data");
    try (OpenVpcServer server = captureStdout(() -> OpenVpcServer.start(ServerConfig.forTests(dir, null)))) {
      assertThat(mode(dir)).isEqualTo("rwx------");
      assertThat(Files.readString(dir.resolve("credentials"))).contains("SecretKey=");
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).extracting(f -> f.getFileName().toString())
            .contains("credentials", "secrets.key", "openvpc.mv.db", "openvpc.lock.db");
      }
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
      }
    }
  }

  @Test
  void databasePasswordInTheUrl_neverInTheStartupLog() throws Exception {
    String[] urls = {
        "jdbc:h2:mem:redact-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=Hunter2Upper",
        "jdbc:h2:mem:redact-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;user=sa;password=Hunter2Lower",
    };
    for (String url : urls) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream original = System.out;
      System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
      try (OpenVpcServer server = OpenVpcServer.start(ServerConfig.forTests(tmp.resolve("d" + UUID.randomUUID()), url))) {
        assertThat(server.port()).isPositive();
      } finally {
        System.setOut(original);
      }
      String text = log.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("OpenVPC listening").contains("***").doesNotContain("Hunter2");
    }
  }

  private static OpenVpcServer captureStdout(java.util.function.Supplier<OpenVpcServer> start) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return start.get();
    } finally {
      System.setOut(original);
    }
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
