package io.openvpc.control;

import io.openvpc.model.TopologyChange;

/**
 * Told of every committed change on this server, after the commit, in revision order per scope. It
 * runs on the writer's turn (the scope's next writer waits for it), so it must be quick: hand real
 * work to a thread of its own, as the data plane agent does.
 */
@FunctionalInterface
public interface TopologyListener {
  void changed(TopologyChange change);
}
