package io.openvpc.control;

/** Told of every committed change on this server, after the commit, in revision order per scope. */
@FunctionalInterface
public interface TopologyListener {
  void changed(TopologyChange change);
}
