package io.openvpc.control.acl;

import java.util.List;

/** ACL entries as requests carry them, before validation; {@code null} members are absent. */
public final class AclInputs {
  private AclInputs() {}

  /** A three-tuple entry. The entry IDs name an existing entry in an incremental update. */
  public record Entry(
      String protocol, String port, String cidrBlock, String ipv6CidrBlock, String action, String description,
      String ipv4EntryId, String ipv6EntryId) {}

  /** Ingress and egress entries; a {@code null} list leaves that direction as it is. */
  public record EntrySet(List<Entry> ingress, List<Entry> egress) {}

  /** A five-tuple entry. */
  public record Quintuple(
      String entryId, String protocol, String sourceCidr, String sourceIpv6Cidr, String sourcePort,
      String destinationCidr, String destinationIpv6Cidr, String destinationPort, String action, String description,
      Long priority) {}

  /** Five-tuple entries by direction; a {@code null} list leaves that direction as it is. */
  public record QuintupleSet(List<Quintuple> ingress, List<Quintuple> egress) {}
}
