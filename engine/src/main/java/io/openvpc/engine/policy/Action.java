package io.openvpc.engine.policy;

/** What a matching rule does. */
public enum Action {
  ACCEPT,
  DROP;

  /** Parses Tencent's {@code ACCEPT}/{@code DROP}, case-insensitively; anything else drops. */
  public static Action parse(String text) {
    return "ACCEPT".equalsIgnoreCase(text == null ? "" : text.trim()) ? ACCEPT : DROP;
  }
}
