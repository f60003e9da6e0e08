package io.openvpc.api;

import io.openvpc.model.Scope;

/** The context of one API call, after authentication: who calls, where, and in which language. */
public record Call(String requestId, long appId, String region, String action, String language) {
  /** The account and region the call acts on. */
  public Scope scope() {
    return new Scope(appId, region);
  }

  public boolean chinese() {
    return "zh-CN".equalsIgnoreCase(language);
  }
}
