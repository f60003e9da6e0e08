package io.openvpc.engine.compile;

/** What a {@link Slot} holds. */
enum SlotKind {
  NODE,
  EDGE,
  OWNER,
  ENDPOINT,
  MEMBER,
  SEGMENT,
  SET,
  ARTIFACT
}
