package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * One backup ({@code ssfile-}) of a security group's rules taken under a {@link SnapshotPolicy}: both
 * directions exactly as they stood at {@code backupTime}, with the group's {@code version} then.
 */
public record SnapshotFile(
    String id,
    String snapshotPolicyId,
    String securityGroupId,
    Instant backupTime,
    String operator,
    long version,
    List<SecurityGroupPolicy> ingress,
    List<SecurityGroupPolicy> egress) implements Resource {

  public SnapshotFile {
    operator = operator == null ? "" : operator;
    ingress = List.copyOf(ingress == null ? List.of() : ingress);
    egress = List.copyOf(egress == null ? List.of() : egress);
  }
}
