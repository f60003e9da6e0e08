package io.openvpc.control.security;

import io.openvpc.control.Filter;
import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.Rejection;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/** The filters of DescribeSecurityGroupPolicies, applied to one group's rules without renumbering them. */
public final class PolicyFilters {
  private PolicyFilters() {}

  /** A rule at its position in its direction. */
  public record Indexed(int index, SecurityGroupPolicy policy) {}

  /** The group and the rules that passed, per direction. */
  public record Listing(SecurityGroup group, List<Indexed> ingress, List<Indexed> egress) {}

  private record Check(BiPredicate<Direction, SecurityGroupPolicy> test) {}

  static Listing apply(SecurityGroup g, List<Filter> filters) {
    return apply(g, indexed(g.ingress()), indexed(g.egress()), filters);
  }

  /** The rules at their positions, as written. */
  static List<Indexed> indexed(List<SecurityGroupPolicy> rules) {
    List<Indexed> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      out.add(new Indexed(i, rules.get(i)));
    }
    return out;
  }

  /** The filters applied to given rules of a group (its rules as written, or expanded), keeping their indexes. */
  static Listing apply(SecurityGroup g, List<Indexed> ingress, List<Indexed> egress, List<Filter> filters) {
    List<Check> checks = new ArrayList<>();
    if (filters != null) {
      if (filters.size() > 10) {
        throw Rejection.value("InvalidParameterValue.LimitExceeded", "Filters", "at most 10 filters.");
      }
      for (int i = 0; i < filters.size(); i++) {
        checks.add(check(filters.get(i), "Filters." + i, g));
      }
    }
    return new Listing(g, pass(ingress, Direction.INGRESS, checks), pass(egress, Direction.EGRESS, checks));
  }

  private static List<Indexed> pass(List<Indexed> rules, Direction d, List<Check> checks) {
    List<Indexed> out = new ArrayList<>();
    for (Indexed r : rules) {
      if (checks.stream().allMatch(c -> c.test().test(d, r.policy()))) {
        out.add(r);
      }
    }
    return out;
  }

  private static Check check(Filter f, String param, SecurityGroup g) {
    List<String> v = f.values();
    String name = f.name() == null ? "" : f.name();
    return switch (name) {
      case "security-group-id" -> new Check((d, p) -> v.contains(g.id()));
      case "ip" -> new Check((d, p) -> v.stream().anyMatch(x -> peerContains(p, x)));
      case "address-module" -> new Check((d, p) -> v.contains(p.addressTemplateId()) || v.contains(p.addressTemplateGroupId()));
      case "service-module" -> new Check((d, p) -> v.contains(p.serviceTemplateId()) || v.contains(p.serviceTemplateGroupId()));
      case "protocol-type" -> new Check((d, p) -> v.stream().anyMatch(x -> x.equalsIgnoreCase(p.protocol())));
      case "port" -> new Check((d, p) -> v.stream().anyMatch(x -> portMatches(p, x)));
      case "poly" -> new Check((d, p) -> v.stream().anyMatch(x -> x.equalsIgnoreCase(p.action())));
      case "direction" -> new Check((d, p) -> v.stream().anyMatch(x -> x.equalsIgnoreCase(d.name())));
      case "description" -> new Check((d, p) -> v.stream().anyMatch(x -> p.description().contains(x)));
      default -> throw new Rejection("InvalidParameter.FilterInvalidKey", "Filter `" + name + "` in `" + param
          + ".Name` is not supported; supported filters: security-group-id, ip, address-module, service-module, "
          + "protocol-type, port, poly, direction, description.", "不支持过滤条件 `" + name + "`。");
    };
  }

  /** Whether the rule's block equals or contains the given address or block. */
  private static boolean peerContains(SecurityGroupPolicy p, String value) {
    String block = !p.cidrBlock().isEmpty() ? p.cidrBlock() : p.ipv6CidrBlock();
    if (block.isEmpty()) {
      return false;
    }
    try {
      return Cidr.parseLenient(block).contains(Cidr.parseLenient(value));
    } catch (IllegalArgumentException e) {
      return block.equals(value);
    }
  }

  private static boolean portMatches(SecurityGroupPolicy p, String value) {
    if (p.protocol().isEmpty()) { // a service template as written (an expanded rule has its protocol)
      return false;
    }
    if (value.toUpperCase(Locale.ROOT).equals(p.port())) {
      return true;
    }
    try {
      return p.service().ports().contains(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

}
