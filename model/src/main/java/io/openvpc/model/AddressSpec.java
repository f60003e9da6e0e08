package io.openvpc.model;

/**
 * One member of an address template: an address ({@code 10.0.0.1}), a block ({@code 10.0.0.0/24}) or a
 * range ({@code 10.0.0.1-10.0.0.9}), IPv4 or IPv6, held as its first and last address. {@link #text()}
 * is the canonical form that is stored.
 */
public record AddressSpec(IpAddr first, IpAddr last, String text) {
  public AddressSpec {
    if (first.isIpv4() != last.isIpv4()) {
      throw new IllegalArgumentException("a range cannot mix IPv4 and IPv6");
    }
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("the range ends below its start");
    }
  }

  /**
   * Parses a member.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static AddressSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the address is empty");
    }
    String t = text.trim();
    int dash = t.indexOf('-');
    if (dash > 0) {
      IpAddr a = IpAddr.parse(t.substring(0, dash));
      IpAddr b = IpAddr.parse(t.substring(dash + 1));
      if (a.isIpv4() != b.isIpv4()) {
        throw new IllegalArgumentException("`" + t + "` mixes IPv4 and IPv6");
      }
      if (a.compareTo(b) > 0) {
        throw new IllegalArgumentException("`" + t + "` ends below its start");
      }
      return new AddressSpec(a, b, a + "-" + b);
    }
    Cidr c = Cidr.parse(t);
    String canonical = c.prefixLength() == c.bits() ? c.block().getLower().withoutPrefixLength().toCanonicalString()
        : c.toString();
    return new AddressSpec(new IpAddr(c.block().getLower()), new IpAddr(c.block().getUpper()), canonical);
  }

  public boolean isIpv4() {
    return first.isIpv4();
  }

  public boolean contains(IpAddr a) {
    return a.isIpv4() == first.isIpv4() && first.compareTo(a) <= 0 && a.compareTo(last) <= 0;
  }
}
