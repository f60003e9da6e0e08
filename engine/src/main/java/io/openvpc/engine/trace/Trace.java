package io.openvpc.engine.trace;

import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.policy.Packet;
import java.util.List;

/** The path of one packet: the packet as sent, how it ended, and the hops it took. */
public record Trace(Packet packet, Disposition disposition, List<Hop> hops) {
  public Trace {
    hops = List.copyOf(hops);
  }

  /** The last step: the one that decided the disposition. */
  public Step lastStep() {
    Hop last = hops.get(hops.size() - 1);
    return last.steps().get(last.steps().size() - 1);
  }
}
