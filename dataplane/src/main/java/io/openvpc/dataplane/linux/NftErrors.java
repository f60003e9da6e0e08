package io.openvpc.dataplane.linux;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Points at the script lines {@code nft -f} complained about, so a refused ruleset can be diagnosed. */
final class NftErrors {
  private static final Pattern WHERE = Pattern.compile("/dev/stdin:(\\d+):");

  private NftErrors() {}

  static String context(String script, String stderr) {
    Matcher m = WHERE.matcher(stderr);
    if (!m.find()) {
      return "";
    }
    int line = Integer.parseInt(m.group(1));
    String[] lines = script.split("\n", -1);
    StringBuilder sb = new StringBuilder("\n");
    for (int i = Math.max(1, line - 6); i <= Math.min(lines.length, line + 1); i++) {
      sb.append(i == line ? ">> " : "   ").append(lines[i - 1]).append('\n');
    }
    return sb.toString();
  }
}
