package io.openvpc.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The IP protocols a rule can name, with their protocol numbers. {@code ALL} in a rule is not a
 * protocol: it is the absence of a protocol constraint, written {@link Optional#empty()} by
 * {@link #parseRule}.
 */
public enum IpProtocol {
  ICMP(1),
  TCP(6),
  UDP(17),
  GRE(47),
  ICMPV6(58);

  private final int number;
  /** {@link #parseRule}'s answers, one object per protocol: thousands of rules name the same few. */
  private final Optional<IpProtocol> asRule;

  IpProtocol(int number) {
    this.number = number;
    this.asRule = Optional.of(this);
  }

  public int number() {
    return number;
  }

  /** Whether rules of this protocol may restrict ports (only TCP and UDP carry ports). */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  /** The protocol with this number, if it is one rules can name. */
  public static Optional<IpProtocol> ofNumber(int number) {
    for (IpProtocol p : values()) {
      if (p.number == number) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a protocol as rules write it, case-insensitively ({@code tcp}, {@code ICMPv6}); {@code ALL}
   * gives empty (any protocol).
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static Optional<IpProtocol> parseRule(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a protocol is required (TCP, UDP, ICMP, ICMPv6, GRE or ALL)");
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("ALL")) {
      return Optional.empty();
    }
    try {
      return valueOf(t).asRule;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("`" + text + "` is not a protocol; expected TCP, UDP, ICMP, ICMPv6, GRE or ALL");
    }
  }

  /** The name as Tencent writes it ({@code ICMPv6}). */
  public String text() {
    return this == ICMPV6 ? "ICMPv6" : name();
  }
}
