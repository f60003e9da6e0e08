package io.openvpc.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;

/**
 * An IPv4 or IPv6 block in CIDR notation, always held in canonical network form ({@code 10.0.0.0/16},
 * {@code 2402:4e00:1000::/56}). A single address is a {@code /32} or {@code /128}.
 */
public record Cidr(IPAddress block) implements Comparable<Cidr> {
  private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
      .allowEmpty(false).allowAll(false).allowMask(false).allowSingleSegment(false)
      .allowWildcardedSeparator(false).allowPrefixOnly(false).setEmptyAsLoopback(false)
      .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allow_inet_aton(false).getParentBuilder()
      .getIPv6AddressParametersBuilder().allowLeadingZeros(true).getParentBuilder()
      .toParams();

  public Cidr {
    if (block == null) {
      throw new IllegalArgumentException("block is required");
    }
    if (!block.isPrefixed()) {
      block = block.setPrefixLength(block.getBitCount(), false);
    }
  }

  /**
   * Parses a block that must already be in network form: {@code 10.0.0.1/16} is refused because the
   * host bits are set. A bare address is taken as a single-address block.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static Cidr parse(String text) {
    Parsed p = parseParts(text);
    if (p.prefix == null) {
      return new Cidr(p.host);
    }
    IPAddress network = p.host.setPrefixLength(p.prefix, false).toPrefixBlock();
    if (!network.getLower().withoutPrefixLength().equals(p.host.withoutPrefixLength())) {
      throw new IllegalArgumentException("host bits are set; the network is " + network.toCanonicalString());
    }
    return new Cidr(network);
  }

  /** Parses a block, dropping host bits ({@code 0.0.0.0/n} style normalisation). */
  public static Cidr parseLenient(String text) {
    Parsed p = parseParts(text);
    return new Cidr(p.prefix == null ? p.host : p.host.setPrefixLength(p.prefix, false).toPrefixBlock());
  }

  /** Whether {@code text} is a block or address this class accepts. */
  public static boolean isValid(String text) {
    try {
      parseLenient(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private record Parsed(IPAddress host, Integer prefix) {}

  private static Parsed parseParts(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty address");
    }
    try {
      IPAddressString s = new IPAddressString(text.trim(), STRICT);
      s.validate();
      IPAddress host = s.toHostAddress();
      if (host == null || host.isMultiple()) {
        throw new IllegalArgumentException("not a CIDR block");
      }
      Integer prefix = s.getNetworkPrefixLength();
      if (prefix != null && (prefix < 0 || prefix > host.getBitCount())) {
        throw new IllegalArgumentException("prefix length out of range");
      }
      return new Parsed(host.withoutPrefixLength(), prefix);
    } catch (AddressStringException e) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 CIDR block");
    }
  }

  public static Cidr of(IpAddr address) {
    return new Cidr(address.address());
  }

  public boolean isIpv4() {
    return block.isIPv4();
  }

  public boolean isIpv6() {
    return block.isIPv6();
  }

  public int prefixLength() {
    return block.getNetworkPrefixLength();
  }

  public int bits() {
    return block.getBitCount();
  }

  public boolean contains(Cidr other) {
    return isIpv4() == other.isIpv4() && block.contains(other.block);
  }

  public boolean contains(IpAddr address) {
    return isIpv4() == address.isIpv4() && block.contains(address.address());
  }

  public boolean overlaps(Cidr other) {
    return isIpv4() == other.isIpv4() && (block.contains(other.block) || other.block.contains(block));
  }

  /** The number of addresses in the block. */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(bits() - prefixLength());
  }

  /** The first address of the block (the network address). */
  public IpAddr first() {
    return new IpAddr(block.getLower().withoutPrefixLength());
  }

  /** The last address of the block (the broadcast address in IPv4). */
  public IpAddr last() {
    return new IpAddr(block.getUpper().withoutPrefixLength());
  }

  /** The address at {@code offset} from the start of the block. */
  public IpAddr at(BigInteger offset) {
    return IpAddr.fromValue(first().value().add(offset), isIpv4());
  }

  @Override
  public int compareTo(Cidr o) {
    if (isIpv4() != o.isIpv4()) {
      return isIpv4() ? -1 : 1;
    }
    int c = first().value().compareTo(o.first().value());
    return c != 0 ? c : Integer.compare(prefixLength(), o.prefixLength());
  }

  @Override
  public String toString() {
    return block.toCanonicalString();
  }
}
