package io.openvpc.engine.policy;

import java.util.List;

/**
 * One compiled rule: it matches a packet when the source and destination addresses match and any of
 * its services does. A rule whose reference cannot be resolved (a deleted template) has no services and
 * matches nothing; {@code warning} then says why.
 */
public record PolicyRule(
    RuleRef ref, Action action, AddressMatch source, AddressMatch destination, List<ServiceMatch> services,
    String warning) {

  public PolicyRule {
    services = List.copyOf(services);
    warning = warning == null ? "" : warning;
  }

  public PolicyRule(RuleRef ref, Action action, AddressMatch source, AddressMatch destination,
      List<ServiceMatch> services) {
    this(ref, action, source, destination, services, "");
  }

  /** The concrete evaluator. */
  public boolean matches(Packet p, AddressSets sets) {
    if (!matchesService(p)) {
      return false;
    }
    return source.matches(p.source(), sets) && destination.matches(p.destination(), sets);
  }

  private boolean matchesService(Packet p) {
    for (ServiceMatch s : services) {
      if (s.matches(p)) {
        return true;
      }
    }
    return false;
  }
}
