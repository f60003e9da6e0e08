package io.openvpc.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path dir;

  @Test
  void badDatabaseUrl_oneLineErrorAndExitCode1() {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err, true))
        .execute("account", "list", "--data-dir", dir.toString(), "--database-url", "jdbc:mysql://nowhere/db");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("openvpc list: ").contains("unsupported database URL")
        .doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void badDatabaseUrlWithCredentials_errorLineMasksThem() {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute("account", "list", "--data-dir",
        dir.toString(), "--database-url", "jdbc:mysql://root:Hunter2a@nowhere/db?PASSWORD=Hunter2b&password=Hunter2c");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("unsupported database URL").contains("***").doesNotContain("Hunter2");
  }
}
