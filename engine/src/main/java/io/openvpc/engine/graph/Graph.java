package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.AddressSets;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.model.Cidr;
import io.openvpc.model.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The compiled forwarding graph of one scope at one revision: nodes, edges with their filters and
 * translations, routes whose next hops are nodes, and the named rule segments and address sets filters
 * refer to. It is the one input of the tracer, the symbolic analysis and the data plane's renderers;
 * none of them learns a product's name. Everything it returns is immutable.
 */
public interface Graph extends AddressSets {
  Scope scope();

  /** The Topology revision this graph reflects. */
  long revision();

  Optional<Node> node(NodeId id);

  /** Every node of a kind. */
  Collection<Node> nodes(NodeKind kind);

  /** The nodes of an address domain (a VPC) that hold addresses, the possible ends of its flows, by ID. */
  Collection<Node> holders(String domain);

  /** The nodes whose parent is {@code parent}. */
  Collection<Node> children(NodeId parent);

  Optional<Edge> edge(NodeId from, NodeId to);

  /** The edges leaving a node. */
  Collection<Edge> edgesFrom(NodeId from);

  /** The node of an address domain (a VPC) that receives packets for {@code address}. */
  Optional<Node> owner(String domain, Addr address);

  /**
   * The node that stands for a resource as one end of a trace or an analysis: every node under its own
   * ID, and whatever compilers name (an instance's primary ENI under the instance's ID).
   */
  Optional<Node> endpoint(String id);

  /** The nodes that belong to a resource (the ENIs of an instance). */
  Collection<Node> members(String id);

  /** The rules of a named segment (empty when no compiler holds that name, e.g. a deleted group). */
  List<PolicyRule> segment(String name);

  /** Rules that compiled to "matches nothing", and why (a deleted template, an unparsable block). */
  List<String> warnings();

  /** A filter's rules as one first-match list: its segments' rules in order (one part each), then its default. */
  default RuleList rules(Filter f) {
    List<RuleList> parts = new ArrayList<>(f.segments().size());
    for (String s : f.segments()) {
      parts.add(RuleList.part(segment(s)));
    }
    return RuleList.of(parts, f.defaultAction(), f.defaultRule());
  }

  /**
   * The next edge from {@code from} towards {@code to}: the edge between them if there is one, else
   * down towards the child whose subtree holds {@code to}, else up to the parent. Empty when none leads
   * there (a node cut off from the tree).
   */
  default Optional<Edge> next(NodeId from, NodeId to) {
    Optional<Edge> direct = edge(from, to);
    if (direct.isPresent()) {
      return direct;
    }
    NodeId child = null;
    for (NodeId n = to; n != null; ) {
      Optional<Node> node = node(n);
      if (node.isEmpty()) {
        break;
      }
      NodeId parent = node.get().parent();
      if (from.equals(parent)) {
        child = n;
        break;
      }
      n = parent;
    }
    if (child != null) {
      return edge(from, child);
    }
    return node(from).map(Node::parent).flatMap(p -> edge(from, p));
  }

  /** The edges from {@code from} to {@code to} through the tree, without routing; empty if there is no path. */
  default List<Edge> path(NodeId from, NodeId to) {
    List<Edge> out = new ArrayList<>();
    NodeId at = from;
    for (int i = 0; i < 64 && !at.equals(to); i++) {
      Optional<Edge> e = next(at, to);
      if (e.isEmpty()) {
        return List.of();
      }
      out.add(e.get());
      at = e.get().to();
    }
    return at.equals(to) ? out : List.of();
  }

  /** The blocks of a named set ({@code sg-}, {@code ipm-}, {@code ipmg-}) as CIDRs, for rendering. */
  default List<Cidr> addressSet(String name) {
    return resolve(name).stream().map(Prefix::cidr).toList();
  }
}
