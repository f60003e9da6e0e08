package io.openvpc.model;

/** A resource tag as Tencent's tag service models it. */
public record Tag(String key, String value) {
  public Tag {
    value = value == null ? "" : value;
  }
}
