package io.openvpc.engine.compile;

import io.openvpc.model.Resource;

/**
 * Something a compiler reads besides the resource it compiles, and how a change to it is handled
 * (the contract of OVN's incremental processing engine, declared instead of discovered):
 * {@link Handling#HANDLED} recompiles exactly the resources whose last compile read what changed;
 * {@link Handling#RECOMPUTE} recompiles every resource of the compiler's kind. A compiler that reads
 * what it did not declare fails, so an undeclared dependency cannot silently go stale.
 */
public record Input(Object source, Handling handling) {
  /** How a change to an input is handled. */
  public enum Handling {
    HANDLED,
    RECOMPUTE
  }

  /** The graph's nodes, endpoints and address owners. */
  public static final Object GRAPH = "graph";
  /** Whatever the registered next-hop resolvers read (route tables resolve next hops through them). */
  public static final Object NEXT_HOPS = "next hops";

  public static Input resource(Class<? extends Resource> kind) {
    return new Input(kind, Handling.HANDLED);
  }

  public static Input recompute(Class<? extends Resource> kind) {
    return new Input(kind, Handling.RECOMPUTE);
  }

  public static Input artifact(Artifact<?> artifact) {
    return new Input(artifact, Handling.HANDLED);
  }

  public static Input graph() {
    return new Input(GRAPH, Handling.HANDLED);
  }

  public static Input nextHops() {
    return new Input(NEXT_HOPS, Handling.HANDLED);
  }
}
