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
    return PREFIX + "r-" + RouterRuleset.suffix(vpcId);
  }

  public static String routerPort(String networkInterfaceId) {
    return PREFIX + RouterRuleset.suffix(networkInterfaceId);
  }

  public static String instancePort(int index) {
    return PREFIX + "eth" + index;
  }

  /** Whether a namespace name is one OpenVPC could have created. */
  public static boolean isOurs(String namespace) {
    return namespace.startsWith(PREFIX) && namespace.length() > PREFIX.length()
        && namespace.chars().allMatch(ch -> ch == '-' || Character.isLetterOrDigit(ch));
  }
}
