package io.openvpc.dataplane.render;

/**
 * How OpenVPC names what it creates on a host; every name starts with {@code ovpc-}, and the
 * reconciler only ever touches names of these forms:
 *
 * <ul>
 *   <li>{@code ovpc-<instance id>}: the namespace of a running instance ({@code ovpc-ins-2ln96dly});
 *   <li>{@code ovpc-r-<vpc suffix>}: the router namespace of a VPC ({@code ovpc-r-2ln96dly} for
 *       {@code vpc-2ln96dly});
 *   <li>{@code ovpc-<eni suffix>}: the router end of an ENI's veth ({@code ovpc-5k3jd8ss} for
 *       {@code eni-5k3jd8ss}), 13 characters, within IFNAMSIZ;
 *   <li>{@code ovpc-eth<n>}: the instance end, {@code n} the ENI's position on the instance (the
 *       primary ENI is {@code ovpc-eth0}).
 * </ul>
 */
public final class Names {
  public static final String PREFIX = "ovpc-";

  private Names() {}

  public static String instanceNamespace(String instanceId) {
    return PREFIX + instanceId;
  }

  public static String routerNamespace(String vpcId) {
    return PREFIX + "r-" + suffix(vpcId);
  }

  public static String routerPort(String networkInterfaceId) {
    return PREFIX + suffix(networkInterfaceId);
  }

  public static String instancePort(int index) {
    return PREFIX + "eth" + index;
  }

  /** The part of an ID after its type prefix ({@code 2ln96dly} of {@code vpc-2ln96dly}). */
  public static String suffix(String id) {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(dash + 1);
  }

  // ---- parts of a router's nftables table ---------------------------------------------------------

  /** The chain of a rule segment ({@code sg-x/ingress} becomes {@code sg-x-ingress}). */
  public static String segmentChain(String segment) {
    return segment.replace('/', '-');
  }

  /** The nftables set of one family of a named address set ({@code n-sg-x-4}). */
  public static String addressSet(String name, boolean v6) {
    return "n-" + name + (v6 ? "-6" : "-4");
  }

  /** The chain that runs the segments of one filter in order, named by them ({@code f-<digest>}). */
  public static String filterChain(java.util.List<String> segments) {
    return "f-" + io.openvpc.dataplane.host.NftTable.digest(String.join(",", segments)).substring(0, 16);
  }

  /** A subnet's chain for its network ACL in one direction ({@code acl-out-<subnet suffix>}). */
  public static String subnetAclChain(String subnetId, boolean inbound) {
    return (inbound ? "acl-in-" : "acl-out-") + suffix(subnetId);
  }

  /** The set of a subnet's router ports, which its ACL exempts from each other's traffic. */
  public static String subnetPorts(String subnetId) {
    return "ifs-" + suffix(subnetId);
  }

  /** Whether a namespace name is one OpenVPC could have created. */
  public static boolean isOurs(String namespace) {
    return namespace.startsWith(PREFIX) && namespace.length() > PREFIX.length()
        && namespace.chars().allMatch(ch -> ch == '-' || Character.isLetterOrDigit(ch));
  }
}
