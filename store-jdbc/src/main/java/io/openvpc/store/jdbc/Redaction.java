package io.openvpc.store.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text that may hold a database URL before it is logged or shown: JDBC
 * properties whatever their case and spelling ({@code password=}, {@code PASSWORD=},
 * {@code sslpassword=}, {@code pwd=}, tokens and secrets), and the password of {@code user:pass@host}.
 * It works on any text, so a driver's error message that quotes the URL is cleaned as well.
 */
public final class Redaction {
  static final String MASK = "***";
  /** A property whose name says it holds a secret, with its value up to the next separator (or quotes). */
  private static final Pattern PROPERTY = Pattern.compile(
      "(?i)([\\w.-]*(?:password|passwd|pwd|secret|token|credential|apikey|api_key|accesskey|access_key)[\\w.-]*)"
          + "(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^;&\\s,)\\]}\"']*)");
  /** The password of userinfo in an authority: {@code //user:password@host}. */
  private static final Pattern USERINFO = Pattern.compile("(//[^/@\\s:;?&]*):([^@/\\s]*)@");

  private Redaction() {}

  /** The text with every credential it carries replaced by {@value #MASK}; null stays null. */
  public static String credentials(String text) {
    if (text == null) {
      return null;
    }
    String out = PROPERTY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    return USERINFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
  }
}
