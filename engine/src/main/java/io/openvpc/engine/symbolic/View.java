package io.openvpc.engine.symbolic;

import io.openvpc.engine.policy.Addr;

/**
 * How a packet that a rule list sees maps onto the header variables: which of its ends is the free
 * address (the other is {@code fixed}), and whether its ports are the forward packet's ports swapped
 * (a reply). Forward and reply packets of one analysis share the variables, so one set describes a
 * flow that passes both ways.
 */
public record View(boolean peerIsSource, Addr fixed, boolean reply) {
  /** The reply's view: ends and ports swapped. */
  public View reverse() {
    return new View(!peerIsSource, fixed, !reply);
  }

  public int sourcePortField() {
    return reply ? HeaderSpace.DPORT : HeaderSpace.SPORT;
  }

  public int destinationPortField() {
    return reply ? HeaderSpace.SPORT : HeaderSpace.DPORT;
  }
}
