package io.openvpc.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configurable quotas, named as Tencent's DescribeVpcLimits names them, seeded with Tencent's published
 * defaults (raised where the published value is known to be outdated). An operator overrides any of
 * them with {@code --quota name=value}.
 */
public final class Quotas {
  private static final Map<String, Long> DEFAULTS = defaults();
  private final Map<String, Long> values;

  public Quotas(Map<String, Long> overrides) {
    Map<String, Long> v = new LinkedHashMap<>(DEFAULTS);
    v.putAll(overrides);
    this.values = Map.copyOf(v);
  }

  public static Quotas defaultQuotas() {
    return new Quotas(Map.of());
  }

  private static Map<String, Long> defaults() {
    Map<String, Long> d = new LinkedHashMap<>();
    d.put("appid-max-vpcs", 20L);
    d.put("vpc-max-subnets", 100L);
    d.put("vpc-max-route-tables", 10L);
    d.put("route-table-max-policies", 200L);
    d.put("vpc-max-vpn-gateways", 10L);
    d.put("appid-max-custom-gateways", 20L);
    d.put("appid-max-vpn-connections", 100L);
    d.put("custom-gateway-max-vpn-connections", 10L);
    d.put("vpn-gateway-max-custom-gateways", 20L);
    d.put("vpc-max-network-acls", 50L);
    d.put("network-acl-max-inbound-policies", 20L);
    d.put("network-acl-max-outbound-policies", 20L);
    d.put("vpc-max-vpcpeers", 10L);
    d.put("vpc-max-available-vpcpeers", 10L);
    d.put("vpc-max-basic-network-interconnections", 100L);
    d.put("direct-connection-max-snats", 100L);
    d.put("direct-connection-max-dnats", 100L);
    d.put("direct-connection-max-snapts", 20L);
    d.put("direct-connection-max-dnapts", 100L);
    d.put("vpc-max-nat-gateways", 3L);
    d.put("nat-gateway-max-eips", 10L);
    d.put("nat-gateway-max-dnapts", 100L);
    d.put("vpc-max-enis", 1000L);
    d.put("vpc-max-havips", 10L);
    d.put("eni-max-private-ips", 20L);
    d.put("vpc-max-ipv6s", 1000L);
    d.put("eni-max-ipv6s", 10L);
    d.put("vpc-max-assistant_cidrs", 5L);
    d.put("appid-max-end-point-services", 20L);
    d.put("appid-max-end-point-service-white-lists", 20L);
    d.put("vpc-max-cmcc-ipv6-cidrs", 1L);
    d.put("vpc-max-ctcc-ipv6-cidrs", 1L);
    d.put("vpc-max-cucc-ipv6-cidrs", 1L);
    // Security groups (DescribeSecurityGroupLimits) and parameter templates (DescribeTemplateLimits).
    d.put("security-group-max", 50L);
    d.put("security-group-max-policies", 100L);
    d.put("security-group-max-referred-groups", 10L);
    d.put("security-group-max-instances", 2000L);
    d.put("instance-max-security-groups", 5L);
    d.put("template-max-members", 20L);
    return d;
  }

  /** The value of a quota; unknown names have no limit. */
  public long get(String name) {
    return values.getOrDefault(name, Long.MAX_VALUE);
  }

  public boolean known(String name) {
    return values.containsKey(name);
  }

  public Map<String, Long> all() {
    return values;
  }
}
