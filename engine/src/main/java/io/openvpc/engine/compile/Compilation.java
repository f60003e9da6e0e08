package io.openvpc.engine.compile;

import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Resource;
import io.openvpc.model.Route;
import java.util.List;
import java.util.Optional;

/**
 * The compile of one resource: what it may read (each read is remembered, so that a change to what
 * was read compiles the resource again) and where it writes its contribution to the graph.
 */
public interface Compilation {
  // ---- reads, tracked ------------------------------------------------------------------------------

  <R extends Resource> Optional<R> resource(Class<R> type, String id);

  Optional<Node> node(NodeId id);

  /** The node standing for a resource as a trace endpoint (see {@link io.openvpc.engine.graph.Graph#endpoint}). */
  Optional<Node> endpoint(String id);

  Optional<NodeId> owner(String domain, Addr address);

  <T> Optional<T> artifact(Artifact<T> artifact, String id);

  /** Every value written under {@code id} of a shared artifact. */
  <T> List<T> artifacts(Artifact<T> artifact, String id);

  /** A route's next hop, by the resolver of its gateway type; unavailable when no product provides one. */
  NextHop nextHop(String vpcId, Route route);

  // ---- the previous compile of this resource, not tracked -----------------------------------------

  /** The resource as it was when last compiled, if it was. */
  Optional<Resource> previous();

  /** What the last compile of this resource wrote to an artifact. */
  <T> Optional<T> previous(Artifact<T> artifact, String id);

  // ---- writes --------------------------------------------------------------------------------------

  void node(Node node);

  void edge(Edge edge);

  /** {@code node} receives packets for {@code address} in the address domain {@code domain}. */
  void owner(String domain, IpAddr address, NodeId node);

  /** {@code node} stands for resource {@code id} as a trace endpoint. */
  void endpoint(String id, NodeId node);

  /** {@code node} belongs to resource {@code id} (an instance's ENIs). */
  void member(String id, NodeId node);

  /** A rule segment filters refer to by name. */
  void segment(String name, List<PolicyRule> rules);

  /** This resource's part of a named address set. */
  void set(String name, List<Prefix> prefixes);

  <T> void artifact(Artifact<T> artifact, String id, T value);
}
