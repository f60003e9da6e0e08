package io.openvpc.model;

/** A resource's identity: its kind and ID ({@code NetworkInterface eni-5k3jd8ss}). */
public record ResourceKey(Class<? extends Resource> type, String id) {
  public ResourceKey {
    if (type == null || id == null) {
      throw new IllegalArgumentException("a resource key needs a type and an ID");
    }
  }

  public static ResourceKey of(Resource r) {
    return new ResourceKey(r.getClass(), r.id());
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " " + id;
  }
}
