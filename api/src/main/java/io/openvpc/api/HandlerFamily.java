package io.openvpc.api;

/** The handlers of one resource family (VPCs, subnets, security groups, ...), registered together. */
public interface HandlerFamily {
  void register(Actions actions);
}
