package io.openvpc.model;

/** CVM instance states, as Tencent names them. Only a RUNNING instance sends or receives packets. */
public enum InstanceState {
  PENDING,
  LAUNCH_FAILED,
  RUNNING,
  STOPPING,
  STOPPED,
  STARTING,
  REBOOTING,
  SHUTDOWN,
  TERMINATING
}
