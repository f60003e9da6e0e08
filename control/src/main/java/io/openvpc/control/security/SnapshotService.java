package io.openvpc.control.security;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Validate;
import io.openvpc.model.Direction;
import io.openvpc.model.Indexes;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SnapshotFile;
import io.openvpc.model.SnapshotPolicy.BackupPolicy;
import io.openvpc.model.SnapshotPolicy;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshot policies for security groups: backups of the bound groups' rules kept in the store as
 * {@link SnapshotFile}s, taken on every change ({@code operate}, inside the changing transaction) or
 * at weekly times ({@code time}, by {@link #runDue}), expired after KeepTime days, and restored exactly
 * by {@link #resume} in one transaction that increases the group's Version.
 */
public final class SnapshotService {
  /** Tencent schedules and reports backup times in Beijing time. */
  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Filters<SnapshotPolicy> FILTERS = new Filters<SnapshotPolicy>()
      .exact("snapshot-policy-id", SnapshotPolicy::id)
      .fuzzy("snapshot-policy-name", SnapshotPolicy::name)
      .exact("backup-type", SnapshotPolicy::backupType)
      .exact("keep-time", SnapshotPolicy::keepTimeDays)
      .bool("enable", SnapshotPolicy::enabled)
      .exact("instance-id", SnapshotPolicy::securityGroupIds)
      .tags(SnapshotPolicy::tags);

  private final Ledger ledger;
  private final Clock clock;

  public SnapshotService(Ledger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  /** A policy as CreateSnapshotPolicies or ModifySnapshotPolicies carries it; null members are absent. */
  public record PolicySpec(
      String id, String name, String backupType, Long keepTime, Boolean createNewCos, String cosRegion,
      String cosBucket, List<BackupPolicy> backupPolicies, Boolean enable) {}

  public List<SnapshotPolicy> create(Scope scope, List<PolicySpec> specs, List<Tag> tags) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("SnapshotPolicies");
    }
    List<Tag> t = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> {
      List<SnapshotPolicy> out = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        String p = "SnapshotPolicies." + i;
        PolicySpec s = specs.get(i);
        String type = backupType(p + ".BackupType", s.backupType());
        SnapshotPolicy policy = new SnapshotPolicy(Ids.next("sspolicy", change.current()),
            Validate.name(p + ".SnapshotPolicyName", s.name(), 60), type, keepTime(p + ".KeepTime", s.keepTime()),
            Boolean.TRUE.equals(s.createNewCos()), Validate.optionalText(p + ".CosRegion", s.cosRegion(), 60),
            Validate.optionalText(p + ".CosBucket", s.cosBucket(), 100),
            backupPolicies(p + ".BackupPolicies", type, s.backupPolicies()), s.enable() == null || s.enable(),
            List.of(), t, clock.instant());
        out.add(change.put(policy));
      }
      return out;
    });
  }

  private static String backupType(String param, String type) {
    if (type == null || type.isBlank()) {
      throw Rejection.missing(param);
    }
    if (!type.equals("operate") && !type.equals("time")) {
      throw SecurityErrors.backupTypeOutOfRange(param, type);
    }
    return type;
  }

  private static long keepTime(String param, Long keep) {
    if (keep == null) {
      throw Rejection.missing(param);
    }
    if (keep < 1 || keep > 365) {
      throw SecurityErrors.keepTimeOutOfRange(param, keep);
    }
    return keep;
  }

  private static List<BackupPolicy> backupPolicies(String param, String type, List<BackupPolicy> policies) {
    List<BackupPolicy> list = policies == null ? List.of() : policies;
    if (type.equals("time") && list.isEmpty()) {
      throw SecurityErrors.schedulelessTimePolicy(param);
    }
    List<BackupPolicy> out = new ArrayList<>();
    Set<BackupPolicy> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      BackupPolicy b = list.get(i);
      String day = b.day() == null ? null : b.day().trim().toLowerCase(Locale.ROOT);
      dayOfWeek(param + "." + i + ".BackupDay", day);
      String time = Validate.required(param + "." + i + ".BackupTime", b.time()).trim();
      try {
        LocalTime.parse(time, DateTimeFormatter.ofPattern("HH:mm:ss"));
      } catch (DateTimeParseException e) {
        throw SecurityErrors.backupTimeMalformed(param + "." + i + ".BackupTime", time);
      }
      BackupPolicy n = new BackupPolicy(day, time);
      if (!seen.add(n)) {
        throw SecurityErrors.backupTimeGivenTwice(param + "." + i, day, time);
      }
      out.add(n);
    }
    return out;
  }

  private static DayOfWeek dayOfWeek(String param, String day) {
    if (day == null || day.isEmpty()) {
      throw Rejection.missing(param);
    }
    try {
      return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SecurityErrors.backupDayOutOfRange(param, day);
    }
  }

  public Page<SnapshotPolicy> describe(Scope scope, List<String> ids, List<Filter> filters, Long offset, Long limit) {
    List<String> wanted = Validate.ids("SnapshotPolicyIds", ids, "sspolicy", SecurityErrors.ID_MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Listing.page(t, "SnapshotPolicyIds", wanted, filters, (id, p) -> require(t, id, p), FILTERS,
        Indexes.SNAPSHOT_POLICY_NEWEST, false, offset, limit);
  }

  static SnapshotPolicy require(Topology t, String id, String param) {
    Ids.requireWellFormed("sspolicy", id, param, SecurityErrors.ID_MALFORMED);
    return t.find(SnapshotPolicy.class, id).orElseThrow(() -> SecurityErrors.snapshotPolicyNotFound(param, id));
  }

  /** ModifySnapshotPolicies: name, backup type, keep time and schedule of each policy named. */
  public void modify(Scope scope, List<PolicySpec> specs) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("SnapshotPoliciesInfo");
    }
    ledger.write(scope, change -> {
      for (int i = 0; i < specs.size(); i++) {
        String p = "SnapshotPoliciesInfo." + i;
        PolicySpec s = specs.get(i);
        SnapshotPolicy old = require(change.current(), s.id(), p + ".SnapshotPolicyId");
        String type = s.backupType() == null ? old.backupType() : backupType(p + ".BackupType", s.backupType());
        List<BackupPolicy> schedule = backupPolicies(p + ".BackupPolicies", type,
            s.backupPolicies() != null ? s.backupPolicies() : old.backupPolicies());
        change.put(new SnapshotPolicy(old.id(), s.name() == null ? old.name()
            : Validate.name(p + ".SnapshotPolicyName", s.name(), 60), type,
            s.keepTime() == null ? old.keepTimeDays() : keepTime(p + ".KeepTime", s.keepTime()), old.createNewCos(),
            old.cosRegion(), old.cosBucket(), schedule, old.enabled(), old.securityGroupIds(), old.tags(),
            old.createdTime()));
      }
      return null;
    });
  }

  public void setEnabled(Scope scope, List<String> ids, boolean enabled) {
    List<String> wanted = requiredIds(ids);
    ledger.write(scope, change -> {
      for (int i = 0; i < wanted.size(); i++) {
        SnapshotPolicy p = require(change.current(), wanted.get(i), "SnapshotPolicyIds." + i);
        change.put(new SnapshotPolicy(p.id(), p.name(), p.backupType(), p.keepTimeDays(), p.createNewCos(),
            p.cosRegion(), p.cosBucket(), p.backupPolicies(), enabled, p.securityGroupIds(), p.tags(), p.createdTime()));
      }
      return null;
    });
  }

  private static List<String> requiredIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw Rejection.missing("SnapshotPolicyIds");
    }
    return Validate.ids("SnapshotPolicyIds", ids, "sspolicy", SecurityErrors.ID_MALFORMED, 100);
  }

  /** Deletes policies that cover no group any more, with their backups. */
  public void delete(Scope scope, List<String> ids) {
    List<String> wanted = requiredIds(ids);
    ledger.write(scope, change -> {
      Topology t = change.current();
      for (int i = 0; i < wanted.size(); i++) {
        SnapshotPolicy p = require(t, wanted.get(i), "SnapshotPolicyIds." + i);
        if (!p.securityGroupIds().isEmpty()) {
          throw SecurityErrors.snapshotPolicyInUse(p);
        }
        t.by(Indexes.SNAPSHOT_FILE_BY_POLICY, p.id()).forEach(change::delete);
        change.delete(p);
      }
      return null;
    });
  }

  /** An instance as AttachSnapshotInstances names it. */
  public record InstanceRef(String instanceId, String instanceType, String instanceRegion) {}

  /** Binds groups of this region to a policy; an {@code operate} policy takes a first backup of each. */
  public void attach(Scope scope, String policyId, List<InstanceRef> instances) {
    List<String> groups = groupIds(scope, instances);
    ledger.write(scope, change -> {
      Topology t = change.current();
      SnapshotPolicy p = require(t, policyId, "SnapshotPolicyId");
      List<String> next = new ArrayList<>(p.securityGroupIds());
      for (int i = 0; i < groups.size(); i++) {
        String param = "Instances." + i + ".InstanceId";
        SecurityGroup g = SecurityGroupService.require(t, groups.get(i), param);
        Optional<SnapshotPolicy> other = t.by(Indexes.SNAPSHOT_POLICY_BY_SECURITY_GROUP, g.id()).stream().findFirst();
        if (other.isPresent()) {
          throw SecurityErrors.groupUnderAnotherPolicy(g.id(), other.get().id());
        }
        next.add(g.id());
        if (p.enabled() && p.onChange()) {
          backup(change, p, g, String.valueOf(scope.appId()));
        }
      }
      return change.put(withGroups(p, next));
    });
  }

  public void detach(Scope scope, String policyId, List<InstanceRef> instances) {
    List<String> groups = groupIds(scope, instances);
    ledger.write(scope, change -> {
      SnapshotPolicy p = require(change.current(), policyId, "SnapshotPolicyId");
      List<String> next = new ArrayList<>(p.securityGroupIds());
      for (int i = 0; i < groups.size(); i++) {
        if (!next.remove(groups.get(i))) {
          throw SecurityErrors.groupNotAttached("Instances." + i + ".InstanceId", groups.get(i), p.id());
        }
      }
      return change.put(withGroups(p, next));
    });
  }

  private static List<String> groupIds(Scope scope, List<InstanceRef> instances) {
    if (instances == null || instances.isEmpty()) {
      throw Rejection.missing("Instances");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      InstanceRef r = instances.get(i);
      String p = "Instances." + i;
      if (!"securitygroup".equals(r.instanceType())) {
        throw SecurityErrors.instanceTypeOutOfRange(p + ".InstanceType", r.instanceType());
      }
      if (r.instanceRegion() != null && !r.instanceRegion().equals(scope.region())) {
        throw SecurityErrors.regionDiffers(p + ".InstanceRegion", r.instanceRegion(), scope.region());
      }
      Ids.requireWellFormed("sg", r.instanceId(), p + ".InstanceId", SecurityErrors.SG_MALFORMED);
      if (out.contains(r.instanceId())) {
        throw SecurityErrors.givenTwice(p + ".InstanceId", r.instanceId());
      }
      out.add(r.instanceId());
    }
    return out;
  }

  static SnapshotPolicy withGroups(SnapshotPolicy p, List<String> groups) {
    return new SnapshotPolicy(p.id(), p.name(), p.backupType(), p.keepTimeDays(), p.createNewCos(), p.cosRegion(),
        p.cosBucket(), p.backupPolicies(), p.enabled(), groups, p.tags(), p.createdTime());
  }

  /** The groups bound to a policy, for DescribeSnapshotAttachedInstances. */
  public Page<SecurityGroup> attached(Scope scope, String policyId, List<Filter> filters, Long offset, Long limit) {
    Topology t = ledger.read(scope);
    SnapshotPolicy p = require(t, policyId, "SnapshotPolicyId");
    List<SecurityGroup> groups = p.securityGroupIds().stream().map(id -> t.find(SecurityGroup.class, id))
        .flatMap(Optional::stream).toList();
    return Page.of(new Filters<SecurityGroup>().exact("instance-id", SecurityGroup::id)
        .fuzzy("instance-name", SecurityGroup::name).exact("instance-region", g -> scope.region())
        .apply(groups, filters), offset, limit);
  }

  /** DescribeSnapshotFiles: a group's backups taken between two Beijing-time dates, newest first. */
  public Page<SnapshotFile> files(Scope scope, String businessType, String groupId, String startDate, String endDate,
      Long offset, Long limit) {
    if (!"securitygroup".equals(businessType)) {
      throw SecurityErrors.businessTypeOutOfRange(businessType);
    }
    Instant from = date("StartDate", startDate, false);
    Instant to = date("EndDate", endDate, true);
    if (to.isBefore(from)) {
      throw SecurityErrors.endBeforeStart();
    }
    Topology t = ledger.read(scope);
    Ids.requireWellFormed("sg", groupId, "InstanceId", SecurityErrors.SG_MALFORMED);
    List<SnapshotFile> found = new ArrayList<>(t.by(Indexes.SNAPSHOT_FILE_BY_SECURITY_GROUP, groupId).stream()
        .filter(f -> !f.backupTime().isBefore(from) && !f.backupTime().isAfter(to)).toList());
    found.sort(Comparator.comparing(SnapshotFile::backupTime).reversed().thenComparing(SnapshotFile::id));
    return Page.of(found, offset, limit);
  }

  private static Instant date(String param, String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      throw Rejection.missing(param);
    }
    String s = text.trim();
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return (endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay()).toInstant(BEIJING);
      }
      return LocalDateTime.parse(s, DATE_TIME).toInstant(BEIJING);
    } catch (DateTimeParseException e) {
      throw SecurityErrors.dateMalformed(param, text);
    }
  }

  /** A backup with the group's current rules, for DescribeSgSnapshotFileContent. */
  public record FileContent(SnapshotFile file, SecurityGroup current) {}

  public FileContent content(Scope scope, String policyId, String fileId, String groupId) {
    Topology t = ledger.read(scope);
    SnapshotFile f = file(t, policyId, fileId, groupId);
    return new FileContent(f, SecurityGroupService.require(t, groupId, "SecurityGroupId"));
  }

  private static SnapshotFile file(Topology t, String policyId, String fileId, String groupId) {
    require(t, policyId, "SnapshotPolicyId");
    if (fileId == null || fileId.isEmpty()) {
      throw Rejection.missing("SnapshotFileId");
    }
    SnapshotFile f = t.find(SnapshotFile.class, fileId)
        .orElseThrow(() -> SecurityErrors.snapshotFileNotFound(fileId));
    if (!f.snapshotPolicyId().equals(policyId) || !f.securityGroupId().equals(groupId)) {
      throw SecurityErrors.snapshotFileOfAnother(f, groupId, policyId);
    }
    return f;
  }

  /** ResumeSnapshotInstance: the group's rules become exactly the backup's, at the next Version. */
  public SecurityGroup resume(Scope scope, String policyId, String fileId, String groupId) {
    return ledger.write(scope, change -> {
      Topology t = change.current();
      SnapshotFile f = file(t, policyId, fileId, groupId);
      SecurityGroup g = SecurityGroupService.require(t, groupId, "InstanceId");
      for (SecurityGroupPolicyCheck c : List.of(new SecurityGroupPolicyCheck(Direction.INGRESS, f),
          new SecurityGroupPolicyCheck(Direction.EGRESS, f))) {
        c.requireReferencesExist(t, g.id());
      }
      SecurityGroup next = SecurityGroupPolicyService.bump(new SecurityGroup(g.id(), g.name(), g.description(),
          g.projectId(), g.isDefault(), g.version(), f.ingress(), f.egress(), g.tags(), g.createdTime(),
          g.updateTime()), clock.instant());
      change.put(next);
      groupChanged(change, next, String.valueOf(scope.appId()));
      return next;
    });
  }

  /** A backup's rules may name groups or templates deleted since; restoring them would dangle. */
  private record SecurityGroupPolicyCheck(Direction direction, SnapshotFile file) {
    void requireReferencesExist(Topology t, String self) {
      List<io.openvpc.model.SecurityGroupPolicy> rules = direction == Direction.INGRESS ? file.ingress() : file.egress();
      for (int i = 0; i < rules.size(); i++) {
        var p = rules.get(i);
        for (String ref : List.of(p.securityGroupId(), p.addressTemplateId(), p.addressTemplateGroupId(),
            p.serviceTemplateId(), p.serviceTemplateGroupId())) {
          if (!ref.isEmpty() && !ref.equals(self) && t.anyById(ref).isEmpty()) {
            throw SecurityErrors.backupReferenceGone(direction, i, ref);
          }
        }
      }
    }
  }

  /** Called inside every transaction that changes a group's rules: backs it up under its operate policy. */
  void groupChanged(Change change, SecurityGroup g, String operator) {
    for (SnapshotPolicy p : change.current().by(Indexes.SNAPSHOT_POLICY_BY_SECURITY_GROUP, g.id())) {
      if (!p.enabled() || !p.onChange()) {
        continue;
      }
      backup(change, p, g, operator);
    }
  }

  private void backup(Change change, SnapshotPolicy p, SecurityGroup g, String operator) {
    String id;
    do {
      id = Ids.random("ssfile", 10);
    } while (change.current().anyById(id).isPresent());
    change.put(new SnapshotFile(id, p.id(), g.id(), clock.instant(), operator, g.version(), g.ingress(), g.egress()));
  }

  /**
   * Takes the scheduled backups that are due at {@code now} and removes expired ones, in each scope
   * given. The server's scheduler calls it every minute; tests call it with the instant they choose.
   *
   * @return the number of backups taken
   */
  public int runDue(Collection<Scope> scopes, Instant now) {
    int taken = 0;
    for (Scope scope : scopes) {
      Topology t = ledger.read(scope);
      if (t.count(SnapshotPolicy.class) == 0 && t.count(SnapshotFile.class) == 0) {
        continue;
      }
      if (!due(t, now).isEmpty() || !expired(t, now).isEmpty()) {
        taken += ledger.write(scope, change -> {
          Topology c = change.current();
          expired(c, now).forEach(change::delete);
          List<String[]> due = due(c, now);
          for (String[] d : due) {
            SnapshotPolicy p = c.find(SnapshotPolicy.class, d[0]).orElseThrow();
            c.find(SecurityGroup.class, d[1]).ifPresent(g -> backup(change, p, g, "system"));
          }
          return due.size();
        });
      }
    }
    return taken;
  }

  /** (policy, group) pairs whose latest scheduled time has passed without a backup since. */
  private static List<String[]> due(Topology t, Instant now) {
    List<String[]> out = new ArrayList<>();
    for (SnapshotPolicy p : t.where(SnapshotPolicy.class, p -> p.enabled() && !p.onChange())) {
      Optional<Instant> last = lastScheduled(p, now);
      if (last.isEmpty() || last.get().isBefore(p.createdTime())) {
        continue;
      }
      for (String g : p.securityGroupIds()) {
        boolean done = t.by(Indexes.SNAPSHOT_FILE_BY_POLICY, p.id()).stream().anyMatch(f ->
            f.securityGroupId().equals(g) && !f.backupTime().isBefore(last.get()));
        if (!done) {
          out.add(new String[] {p.id(), g});
        }
      }
    }
    return out;
  }

  /** The latest weekly backup time of the policy at or before {@code now}. */
  static Optional<Instant> lastScheduled(SnapshotPolicy p, Instant now) {
    ZonedDateTime local = now.atZone(BEIJING);
    Instant best = null;
    for (BackupPolicy b : p.backupPolicies()) {
      ZonedDateTime at = local.with(TemporalAdjusters.previousOrSame(DayOfWeek.valueOf(b.day().toUpperCase(Locale.ROOT))))
          .with(LocalTime.parse(b.time()));
      if (at.isAfter(local)) {
        at = at.minusWeeks(1);
      }
      if (best == null || at.toInstant().isAfter(best)) {
        best = at.toInstant();
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<SnapshotFile> expired(Topology t, Instant now) {
    List<SnapshotFile> out = new ArrayList<>();
    for (SnapshotFile f : t.all(SnapshotFile.class)) {
      long keep = t.find(SnapshotPolicy.class, f.snapshotPolicyId()).map(SnapshotPolicy::keepTimeDays).orElse(0L);
      if (f.backupTime().plus(Duration.ofDays(keep)).isBefore(now)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Formats an instant as Tencent's Beijing-time text. */
  public static String text(Instant t) {
    return DATE_TIME.format(t.atZone(BEIJING));
  }
}
