package io.openvpc.dataplane.render;

import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeKind;
import java.util.List;

/**
 * Renders the nodes of one kind into what they contribute to the host's namespaces. A product that
 * adds a node kind adds its renderer to {@link Renderers}; the data plane's incremental machinery and
 * the reconciler never learn a product's name.
 */
public interface NodeRenderer {
  NodeKind kind();

  /** The node's parts of the namespaces it touches; none when it realises nothing (an ENI that is down). */
  List<NetnsPart> render(Node node, RenderContext ctx);
}
