package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A security group snapshot policy ({@code sspolicy-}): when to back up the bound groups
 * ({@code operate}: on every change of their rules; {@code time}: at the weekly {@link BackupPolicy}
 * times, Beijing time), how many days a backup is kept, and which groups it covers. Backups are
 * {@link SnapshotFile}s in the store; the COS members are kept as given for API compatibility.
 */
public record SnapshotPolicy(
    String id,
    String name,
    String backupType,
    long keepTimeDays,
    boolean createNewCos,
    String cosRegion,
    String cosBucket,
    List<BackupPolicy> backupPolicies,
    boolean enabled,
    List<String> securityGroupIds,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  /** One weekly backup time: a weekday ({@code monday} ... {@code sunday}) and {@code HH:mm:ss}. */
  public record BackupPolicy(String day, String time) {}

  public SnapshotPolicy {
    cosRegion = cosRegion == null ? "" : cosRegion;
    cosBucket = cosBucket == null ? "" : cosBucket;
    backupPolicies = List.copyOf(backupPolicies == null ? List.of() : backupPolicies);
    securityGroupIds = List.copyOf(securityGroupIds == null ? List.of() : securityGroupIds);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }

  public boolean onChange() {
    return "operate".equals(backupType);
  }
}
