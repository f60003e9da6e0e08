package io.openvpc.engine.graph;

/** What a node does with a packet that is not addressed to it. */
public enum Forwarding {
  /** Forwards it, as routers do, without a step of its own. */
  TRANSIT,
  /**
   * Forwards it only when a route chose it as the next hop, as a CVM that routes for others does; the
   * trace records that its host forwarded, and a second visit is a loop.
   */
  HOST
}
