package io.openvpc.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.api.Coverage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api-coverage.md is what the registry says today. */
class CoverageCommandTest {
  static final Path DOC = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
      .resolve("../docs/api-coverage.md").normalize();

  @Test
  void committedReport_isCurrent() throws Exception {
    String report = CoverageCommand.report();
    assertThat(report).contains("| vpc | 2017-03-12 |").contains("- CreateVpc").contains("- DescribeRegions");
    assertThat(Files.exists(DOC)).as("%s is missing; create it with %s", DOC, Coverage.REGENERATE).isTrue();
    assertThat(Files.readString(DOC))
        .as("docs/api-coverage.md is stale; regenerate it with: %s", Coverage.REGENERATE)
        .isEqualTo(report);
  }
}
