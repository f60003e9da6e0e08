package io.openvpc.control;

import java.time.Instant;

/** A SecretId/SecretKey pair that signs an account's calls. */
public record ApiKey(String secretId, String secretKey, long appId, Instant createdTime) {
  @Override
  public String toString() {
    return "ApiKey[" + secretId + ", appId=" + appId + "]"; // never print the secret
  }
}
