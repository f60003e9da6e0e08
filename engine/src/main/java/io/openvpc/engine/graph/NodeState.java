package io.openvpc.engine.graph;


/** Whether a node passes traffic; a node that does not says why, and how a trace that meets it ends. */
public sealed interface NodeState {
  Up UP = new Up();

  /** Passes traffic. */
  record Up() implements NodeState {}

  /**
   * Passes nothing: a trace that starts or arrives here ends with {@code disposition}, recorded as a
   * {@code step} on {@code resource} with {@code reason}.
   */
  record Down(StepKind step, Disposition disposition, ResourceRef resource, String reason) implements NodeState {}
}
