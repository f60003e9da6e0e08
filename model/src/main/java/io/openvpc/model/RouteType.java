package io.openvpc.model;

/** Who installed a route: the user, NetDetect, or CCN. Only {@code USER} routes are editable. */
public enum RouteType {
  USER,
  NETD,
  CCN
}
