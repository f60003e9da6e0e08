package io.openvpc.engine.policy;

import java.util.List;

/**
 * Resolves the named address sets rules refer to: a security group ({@code sg-...}: the private
 * addresses of every ENI bound to it), an address template ({@code ipm-...}) or group ({@code ipmg-...}).
 * An unknown name resolves to the empty set.
 */
public interface AddressSets {
  List<Prefix> resolve(String name);

  default boolean contains(String name, Addr address) {
    for (Prefix p : resolve(name)) {
      if (p.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
