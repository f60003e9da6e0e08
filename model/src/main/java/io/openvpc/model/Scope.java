package io.openvpc.model;

/** The unit of isolation and of consistency: one account's resources in one region. */
public record Scope(long appId, String region) {
  public Scope {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region is required");
    }
  }

  @Override
  public String toString() {
    return appId + "/" + region;
  }
}
