package io.openvpc.api;

/** Serves one action: maps a typed request to the control plane and the result to a typed response. */
@FunctionalInterface
public interface ApiHandler<Q, R> {
  R handle(Call call, Q request);
}
