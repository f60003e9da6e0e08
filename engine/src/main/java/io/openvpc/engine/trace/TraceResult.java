package io.openvpc.engine.trace;

/**
 * The answer to TracePacket: the forward trace and, when it was delivered, the reply's trace (security
 * groups let replies of an allowed flow back; network ACLs are stateless and must allow them).
 * {@code reachable} holds when both are accepted.
 */
public record TraceResult(Trace forward, Trace returnPath) {
  public boolean reachable() {
    return forward.disposition().delivered() && returnPath != null && returnPath.disposition().delivered();
  }
}
