package io.openvpc.engine.graph;

/** A resource as traces name it: its Tencent type and ID ({@code Instance ins-...}). */
public record ResourceRef(String type, String id) {
  @Override
  public String toString() {
    return type + " " + id;
  }
}
