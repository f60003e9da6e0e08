package io.openvpc.control.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.Ledger;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.Quotas;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SnapshotFile;
import io.openvpc.model.SnapshotPolicy;
import io.openvpc.model.SnapshotPolicy.BackupPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshot policies with a clock the test moves: backups on change, on schedule, expiry and rollback. */
class SnapshotServiceTest {
  private static final Scope SCOPE = new Scope(9, "ap-guangzhou");
  /** Monday 2026-11-23 00:00 Beijing time. */
  private static final Instant MONDAY = Instant.parse("2026-11-22T16:00:00Z");

  private final MovableClock clock = new MovableClock(MONDAY);
  private Ledger ledger;
  private SnapshotService snapshots;
  private SecurityGroupPolicyService policies;
  private String sg;

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() {
    ledger = new Ledger(new InMemoryStore());
    Quotas quotas = Quotas.defaultQuotas();
    snapshots = new SnapshotService(ledger, clock);
    policies = new SecurityGroupPolicyService(ledger, quotas, clock, snapshots);
    SecurityGroupService groups = new SecurityGroupService(ledger, quotas, clock, policies);
    sg = groups.create(SCOPE, new SecurityGroupService.GroupSpec("g", "", null, null, null)).id();
  }

  private void addRule(int port) {
    policies.create(SCOPE, sg, PolicyEditingPropertiesTest.ingress(List.of(PolicyEditingPropertiesTest.rule(port, null))));
  }

  private SnapshotPolicy policy(String type, List<BackupPolicy> schedule, long keepDays) {
    return snapshots.create(SCOPE, List.of(new SnapshotService.PolicySpec(null, "p", type, keepDays, false,
        "ap-guangzhou", "bucket", schedule, null)), null).get(0);
  }

  private List<SnapshotFile> files() {
    return snapshots.files(SCOPE, "securitygroup", sg, "2026-01-01", "2027-12-31", 0L, 100L).items();
  }

  private SecurityGroup group() {
    return ledger.read(SCOPE).find(SecurityGroup.class, sg).orElseThrow();
  }

  @Test
  void operate_backsUpOnAttachAndEveryChange_andResumeRestoresExactly() {
    addRule(22);
    SnapshotPolicy p = policy("operate", null, 7);
    snapshots.attach(SCOPE, p.id(), List.of(new SnapshotService.InstanceRef(sg, "securitygroup", "ap-guangzhou")));
    assertThat(files()).hasSize(1);
    String first = files().get(0).id();
    assertThat(first).matches("ssfile-[a-z0-9]{10}");
    clock.advance(Duration.ofMinutes(1));
    addRule(80);
    addRule(443);
    assertThat(files()).hasSize(3);
    long before = group().version();

    snapshots.resume(SCOPE, p.id(), first, sg);
    SecurityGroup restored = group();
    assertThat(restored.ingress()).extracting(r -> r.port()).containsExactly("22");
    assertThat(restored.version()).isEqualTo(before + 1);
    assertThat(snapshots.content(SCOPE, p.id(), first, sg).file().ingress()).isEqualTo(restored.ingress());
    assertThat(files()).hasSize(4);

    assertThatThrownBy(() -> snapshots.delete(SCOPE, List.of(p.id())))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("ResourceInUse"));
    snapshots.detach(SCOPE, p.id(), List.of(new SnapshotService.InstanceRef(sg, "securitygroup", "ap-guangzhou")));
    addRule(8080);
    assertThat(files()).hasSize(4);
  }

  @Test
  void time_backsUpWhenTheWeeklyTimePasses_once_andExpiresAfterKeepTime() {
    SnapshotPolicy p = policy("time", List.of(new BackupPolicy("Monday", "02:00:00")), 2);
    snapshots.attach(SCOPE, p.id(), List.of(new SnapshotService.InstanceRef(sg, "securitygroup", null)));
    assertThat(files()).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(snapshots.runDue(List.of(SCOPE), clock.instant())).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(snapshots.runDue(List.of(SCOPE), clock.instant())).isEqualTo(1);
    assertThat(snapshots.runDue(List.of(SCOPE), clock.instant().plusSeconds(60))).isZero();
    assertThat(files()).singleElement().satisfies(f -> assertThat(f.operator()).isEqualTo("system"));
    clock.advance(Duration.ofDays(3));
    snapshots.runDue(List.of(SCOPE), clock.instant());
    assertThat(files()).isEmpty();
    clock.advance(Duration.ofDays(4));
    assertThat(snapshots.runDue(List.of(SCOPE), clock.instant())).isEqualTo(1);
  }

  @Test
  void badPolicies_areRefusedNamingTheMember() {
    assertThatThrownBy(() -> policy("daily", null, 7))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("SnapshotPolicies.0.BackupType"));
    assertThatThrownBy(() -> policy("time", List.of(), 7))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("MissingParameter"));
    assertThatThrownBy(() -> policy("time", List.of(new BackupPolicy("someday", "01:00:00")), 7))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("BackupDay"));
    assertThatThrownBy(() -> policy("time", List.of(new BackupPolicy("monday", "25:00")), 7))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("BackupTime"));
    assertThatThrownBy(() -> policy("operate", null, 366))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("KeepTime"));
  }
}
