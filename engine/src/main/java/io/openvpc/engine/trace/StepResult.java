package io.openvpc.engine.trace;

/** What came of a step. */
public enum StepResult {
  /** The packet was sent. */
  SENT,
  /** A filter let it through. */
  PERMITTED,
  /** A filter, or a node that passes no traffic, stopped it. */
  DENIED,
  /** A route or a forwarding host sent it on. */
  FORWARDED,
  /** An edge rewrote it. */
  TRANSLATED,
  /** No route covers the destination, or no edge leads on. */
  NO_ROUTE,
  /** The chosen route's next hop cannot carry traffic. */
  NEXT_HOP_UNAVAILABLE,
  /** The route delivers inside an address domain where nothing holds the destination. */
  DESTINATION_NOT_FOUND,
  /** It came back to a node it already passed. */
  LOOP,
  /** It was delivered. */
  ACCEPTED
}
