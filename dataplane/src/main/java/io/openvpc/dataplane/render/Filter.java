package io.openvpc.dataplane.render;

import io.openvpc.model.Cidr;
import io.openvpc.model.PortRange;
import java.util.List;

/**
 * An ordered first-match filter as the engine compiled it, in the shape nftables needs: each rule's
 * addresses are already expanded (group references and address templates resolved to blocks), its
 * services to protocol numbers and port ranges. When no rule matches, {@code defaultVerdict} applies.
 */
public record Filter(List<Rule> rules, Verdict defaultVerdict) {
  public Filter {
    rules = List.copyOf(rules);
  }

  public static Filter acceptAll() {
    return new Filter(List.of(), Verdict.ACCEPT);
  }

  /** What a matching rule does to a packet. */
  public enum Verdict {
    ACCEPT,
    DROP
  }

  /**
   * One rule: it matches when the source and the destination are in its blocks ({@link Peers#ANY} for
   * any) and one of its services matches. {@code ref} names it for people ({@code sg-1 ingress #2}).
   */
  public record Rule(String ref, Verdict verdict, Peers sources, Peers destinations, List<Service> services) {
    public Rule {
      services = List.copyOf(services);
    }
  }

  /**
   * Any address, exactly the listed blocks, or the members of a named address set ({@code named}: a
   * security group, an address template; rendered as an nftables set of its own, so that a change of
   * membership touches the set and no rule).
   */
  public record Peers(boolean any, List<Cidr> blocks, String named) {
    public static final Peers ANY = new Peers(true, List.of(), null);

    public Peers {
      blocks = List.copyOf(blocks);
    }

    public static Peers of(List<Cidr> blocks) {
      return new Peers(false, blocks, null);
    }

    public static Peers named(String name) {
      return new Peers(false, List.of(), name);
    }
  }

  /**
   * A protocol (IANA number, {@code -1} for any) with its source and destination port ranges (empty for
   * any port; only TCP and UDP have ports).
   */
  public record Service(int protocol, List<PortRange> sourcePorts, List<PortRange> destinationPorts) {
    public static final Service ANY = new Service(-1, List.of(), List.of());

    public Service {
      sourcePorts = List.copyOf(sourcePorts);
      destinationPorts = List.copyOf(destinationPorts);
    }

    public boolean anyProtocol() {
      return protocol < 0;
    }

    public boolean hasPorts() {
      return !sourcePorts.isEmpty() || !destinationPorts.isEmpty();
    }
  }
}
