package io.openvpc.engine.policy;

import io.openvpc.model.Cidr;
import java.util.List;

/**
 * Which addresses one end of a rule matches: any, literal blocks, or a named set that the compiled
 * network resolves ({@link AddressSets}), so that a change of membership never recompiles rules and the
 * data plane can render one named set (an nftables set) per group or template.
 */
public sealed interface AddressMatch {
  boolean matches(Addr address, AddressSets sets);

  /** Any address of either family. */
  record Any() implements AddressMatch {
    @Override
    public boolean matches(Addr address, AddressSets sets) {
      return true;
    }

    @Override
    public String toString() {
      return "any";
    }
  }

  /** Literal blocks, as the rule wrote them ({@code 10.0.0.0/8}, {@code ::/0}). */
  record Blocks(List<Prefix> prefixes) implements AddressMatch {
    public Blocks {
      prefixes = List.copyOf(prefixes);
    }

    public List<Cidr> cidrs() {
      return prefixes.stream().map(Prefix::cidr).toList();
    }

    @Override
    public boolean matches(Addr address, AddressSets sets) {
      for (Prefix p : prefixes) {
        if (p.contains(address)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return cidrs().toString();
    }
  }

  /** A named set: {@code sg-...}, {@code ipm-...} or {@code ipmg-...}. */
  record Named(String name) implements AddressMatch {
    @Override
    public boolean matches(Addr address, AddressSets sets) {
      return sets.contains(name, address);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  AddressMatch ANY = new Any();
}
