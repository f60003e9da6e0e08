package io.openvpc.dataplane.linux;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest an OpenVPC ruleset carries as its table comment ({@code comment "openvpc <digest>"}), read
 * from rendered text or from what {@code nft list table} prints; empty when there is no table.
 */
final class RulesetDigest {
  private static final Pattern COMMENT = Pattern.compile("comment \"openvpc ([0-9a-f]+)\"");

  private RulesetDigest() {}

  static String of(String rulesetText) {
    if (rulesetText == null || rulesetText.isBlank()) {
      return "";
    }
    Matcher m = COMMENT.matcher(rulesetText);
    return m.find() ? m.group(1) : "unknown";
  }
}
