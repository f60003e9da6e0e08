package io.openvpc.model;

import java.util.Locale;

/** The protocols a security group rule, ACL entry or service template names. */
public enum Protocol {
  TCP(6, true),
  UDP(17, true),
  ICMP(1, false),
  ICMPV6(58, false),
  GRE(47, false),
  ALL(-1, false);

  private final int number;
  private final boolean hasPorts;

  Protocol(int number, boolean hasPorts) {
    this.number = number;
    this.hasPorts = hasPorts;
  }

  /** The IP protocol number, or -1 for {@link #ALL}. */
  public int number() {
    return number;
  }

  /** Whether rules with this protocol may name ports (TCP and UDP only). */
  public boolean hasPorts() {
    return hasPorts;
  }

  /**
   * Parses a protocol name in any case ({@code tcp}, {@code All}, {@code ICMPv6}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Protocol parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the protocol is empty");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("`" + text + "` is not one of TCP, UDP, ICMP, ICMPv6, GRE, ALL");
    }
  }

  /** Tencent's spelling in responses ({@code ICMPv6}, the others upper case). */
  public String apiName() {
    return this == ICMPV6 ? "ICMPv6" : name();
  }
}
