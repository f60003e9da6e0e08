package io.openvpc.control.security;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters of DescribeSecurityGroupPolicies, applied to one group's rules without renumbering them.
 * They are declared with the shared {@link Filters}, so an unknown name or too many values is refused
 * as on every other Describe action.
 */
public final class PolicyFilters {
  private PolicyFilters() {}

  /** A rule at its position in its direction. */
  public record Indexed(int index, SecurityGroupPolicy policy) {}

  /** The group and the rules that passed, per direction. */
  public record Listing(SecurityGroup group, List<Indexed> ingress, List<Indexed> egress) {}

  /** What a filter looks at: a rule, its direction and its group. */
  private record Row(String groupId, Direction direction, Indexed rule) {
    SecurityGroupPolicy policy() {
      return rule.policy();
    }
  }

  private static final Filters<Row> FILTERS = new Filters<Row>()
      .exact("security-group-id", Row::groupId)
      .any("ip", (r, v) -> peerContains(r.policy(), v))
      .exact("address-module", r -> List.of(r.policy().addressTemplateId(), r.policy().addressTemplateGroupId()))
      .exact("service-module", r -> List.of(r.policy().serviceTemplateId(), r.policy().serviceTemplateGroupId()))
      .any("protocol-type", (r, v) -> v.equalsIgnoreCase(r.policy().protocol()))
      .any("port", (r, v) -> portMatches(r.policy(), v))
      .any("poly", (r, v) -> v.equalsIgnoreCase(r.policy().action()))
      .any("direction", (r, v) -> v.equalsIgnoreCase(r.direction().name()))
      .fuzzy("description", r -> r.policy().description());

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
    List<Row> rows = new ArrayList<>(ingress.size() + egress.size());
    ingress.forEach(r -> rows.add(new Row(g.id(), Direction.INGRESS, r)));
    egress.forEach(r -> rows.add(new Row(g.id(), Direction.EGRESS, r)));
    List<Indexed> in = new ArrayList<>();
    List<Indexed> out = new ArrayList<>();
    for (Row r : FILTERS.apply(rows, filters)) {
      (r.direction() == Direction.INGRESS ? in : out).add(r.rule());
    }
    return new Listing(g, in, out);
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
