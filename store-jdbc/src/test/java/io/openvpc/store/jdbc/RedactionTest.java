package io.openvpc.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://db:5432/openvpc?user=openvpc&password=hunter2    | jdbc:postgresql://db:5432/openvpc?user=openvpc&password=***",
      "jdbc:postgresql://db:5432/openvpc?user=openvpc&PASSWORD=hunter2    | jdbc:postgresql://db:5432/openvpc?user=openvpc&PASSWORD=***",
      "jdbc:postgresql://db/x?Password=hunter2&ssl=true                   | jdbc:postgresql://db/x?Password=***&ssl=true",
      "jdbc:postgresql://db/x?sslpassword=hunter2&sslmode=verify-full     | jdbc:postgresql://db/x?sslpassword=***&sslmode=verify-full",
      "jdbc:h2:file:/data/x;USER=sa;PASSWORD=hunter2;AUTO_SERVER=TRUE     | jdbc:h2:file:/data/x;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE",
      "jdbc:h2:file:/data/x;user=sa;password = hunter2                     | jdbc:h2:file:/data/x;user=sa;password = ***",
      "jdbc:postgresql://openvpc:hunter2@db:5432/openvpc                  | jdbc:postgresql://openvpc:***@db:5432/openvpc",
      "jdbc:sqlserver://db;user=sa;pwd=hunter2;encrypt=true               | jdbc:sqlserver://db;user=sa;pwd=***;encrypt=true",
      "jdbc:x://db/x?access_token=hunter2&clientSecret=hunter2             | jdbc:x://db/x?access_token=***&clientSecret=***",
      "jdbc:postgresql://db:5432/openvpc?user=openvpc                      | jdbc:postgresql://db:5432/openvpc?user=openvpc",
      "jdbc:h2:file:/data/openvpc;AUTO_SERVER=TRUE;WRITE_DELAY=0           | jdbc:h2:file:/data/openvpc;AUTO_SERVER=TRUE;WRITE_DELAY=0",
  })
  void credentials_maskedWhateverTheirSpelling(String url, String expected) {
    assertThat(Redaction.credentials(url)).isEqualTo(expected).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Failed to get driver instance for jdbcUrl=jdbc:x://h/db?password=hunter2",
      "unsupported database URL jdbc:mysql://root:hunter2@nowhere/db; use jdbc:postgresql",
      "password=\"hunter2 with spaces\" and more",
      "dollar password=hunter2$1\\0",
  })
  void credentialsInsideMessages_masked(String text) {
    assertThat(Redaction.credentials(text)).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"FATAL: password authentication failed for user \"openvpc\"", "no URL here"})
  void textWithoutCredentials_unchanged(String text) {
    assertThat(Redaction.credentials(text)).isEqualTo(text);
  }
}
