package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.api.types.DocumentedErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds a server's answers to Tencent's per-action error tables: every code an action answered in a
 * test must be one Tencent documents for that action, a common code, or a deliberate deviation listed
 * with its reason in {@code error-codes-beyond-the-docs.txt}. SdkFixture checks it after every test
 * class, NodeSdkTest after the Node run, so each product that lands is held to it.
 */
final class ErrorContract {
  /** "service Action Code" to the reason OpenVPC answers a code Tencent does not list for the action. */
  static final Map<String, String> BEYOND = load();

  private ErrorContract() {}

  static void assertHeld(LiveServer live) {
    Map<String, String> undocumented = new TreeMap<>();
    live.server().dispatcher().answered().forEach((key, count) -> {
      String[] k = key.split(" ");
      String code = k[2];
      if (code.equals("OK") || DocumentedErrors.common(code) || BEYOND.containsKey(key)) {
        return;
      }
      DocumentedErrors.of(k[0], k[1]).filter(documented -> !documented.contains(code))
          .ifPresent(documented -> undocumented.put(key, "documented: " + documented));
    });
    assertThat(undocumented).as("error codes Tencent does not document for the action (answer a documented one, or "
        + "list the deviation with its reason in it/src/test/resources/error-codes-beyond-the-docs.txt)").isEmpty();
  }

  private static Map<String, String> load() {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = ErrorContract.class.getResourceAsStream("/error-codes-beyond-the-docs.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int hash = l.indexOf('#');
        String[] k = (hash < 0 ? l : l.substring(0, hash)).strip().split("\\s+");
        out.put(k[0] + " " + k[1] + " " + k[2], hash < 0 ? "" : l.substring(hash + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
