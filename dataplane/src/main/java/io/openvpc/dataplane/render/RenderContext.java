package io.openvpc.dataplane.render;

import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import java.util.Collection;
import java.util.Optional;

/**
 * What a node renderer may read of the graph. Every read is remembered, so that the node is rendered
 * again when what it read changes (its subnet, the next hop a route names, its instance's other ENIs).
 */
public interface RenderContext {
  Optional<Node> node(NodeId id);

  /** The nodes that belong to a resource (an instance's ENIs). */
  Collection<Node> members(String id);

  /** The nodes under a node (a VPC router's subnets). */
  Collection<Node> children(NodeId parent);

  /** An edge of the node being rendered, or one it reads. */
  Optional<Edge> edge(NodeId from, NodeId to);
}
