package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AttachSnapshotInstancesRequest;
import io.openvpc.api.types.vpc.AttachSnapshotInstancesResponse;
import io.openvpc.api.types.vpc.BackupPolicy;
import io.openvpc.api.types.vpc.CreateSnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.CreateSnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.DeleteSnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.DeleteSnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.DescribeSgSnapshotFileContentRequest;
import io.openvpc.api.types.vpc.DescribeSgSnapshotFileContentResponse;
import io.openvpc.api.types.vpc.DescribeSnapshotAttachedInstancesRequest;
import io.openvpc.api.types.vpc.DescribeSnapshotAttachedInstancesResponse;
import io.openvpc.api.types.vpc.DescribeSnapshotFilesRequest;
import io.openvpc.api.types.vpc.DescribeSnapshotFilesResponse;
import io.openvpc.api.types.vpc.DescribeSnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.DescribeSnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.DetachSnapshotInstancesRequest;
import io.openvpc.api.types.vpc.DetachSnapshotInstancesResponse;
import io.openvpc.api.types.vpc.DisableSnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.DisableSnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.EnableSnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.EnableSnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.ModifySnapshotPoliciesRequest;
import io.openvpc.api.types.vpc.ModifySnapshotPoliciesResponse;
import io.openvpc.api.types.vpc.ResumeSnapshotInstanceRequest;
import io.openvpc.api.types.vpc.ResumeSnapshotInstanceResponse;
import io.openvpc.api.types.vpc.SnapshotFileInfo;
import io.openvpc.api.types.vpc.SnapshotInstance;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.security.SnapshotService;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.SnapshotFile;
import io.openvpc.model.SnapshotPolicy;
import java.util.ArrayList;
import java.util.List;

/** Security group snapshot policies: policies, bound groups, backups, their content and rollback. */
public final class SnapshotHandlers implements HandlerFamily {
  private final SnapshotService snapshots;

  public SnapshotHandlers(SnapshotService snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateSnapshotPolicies, this::create)
        .on(VpcActions.DescribeSnapshotPolicies, this::describe)
        .on(VpcActions.ModifySnapshotPolicies, this::modify)
        .on(VpcActions.DeleteSnapshotPolicies, this::delete)
        .on(VpcActions.EnableSnapshotPolicies, this::enable)
        .on(VpcActions.DisableSnapshotPolicies, this::disable)
        .on(VpcActions.AttachSnapshotInstances, this::attach)
        .on(VpcActions.DetachSnapshotInstances, this::detach)
        .on(VpcActions.DescribeSnapshotAttachedInstances, this::attached)
        .on(VpcActions.DescribeSnapshotFiles, this::files)
        .on(VpcActions.DescribeSgSnapshotFileContent, this::content)
        .on(VpcActions.ResumeSnapshotInstance, this::resume);
  }

  CreateSnapshotPoliciesResponse create(Call call, CreateSnapshotPoliciesRequest r) {
    List<SnapshotService.PolicySpec> specs = r.getSnapshotPolicies() == null ? null : r.getSnapshotPolicies().stream()
        .map(p -> p == null ? new io.openvpc.api.types.vpc.SnapshotPolicy() : p)
        .map(p -> new SnapshotService.PolicySpec(null, p.getSnapshotPolicyName(), p.getBackupType(), p.getKeepTime(),
            p.getCreateNewCos(), p.getCosRegion(), p.getCosBucket(), schedule(p.getBackupPolicies()), p.getEnable()))
        .toList();
    List<SnapshotPolicy> created = snapshots.create(call.scope(), specs, Convert.tags(r.getTags()));
    return new CreateSnapshotPoliciesResponse().setSnapshotPolicies(created.stream().map(SnapshotHandlers::view).toList());
  }

  DescribeSnapshotPoliciesResponse describe(Call call, DescribeSnapshotPoliciesRequest r) {
    Page<SnapshotPolicy> p = snapshots.describe(call.scope(), r.getSnapshotPolicyIds(), Convert.filters(r.getFilters()),
        r.getOffset(), r.getLimit());
    return new DescribeSnapshotPoliciesResponse().setTotalCount(p.totalCount())
        .setSnapshotPolicySet(p.items().stream().map(SnapshotHandlers::view).toList());
  }

  ModifySnapshotPoliciesResponse modify(Call call, ModifySnapshotPoliciesRequest r) {
    snapshots.modify(call.scope(), r.getSnapshotPoliciesInfo() == null ? null : r.getSnapshotPoliciesInfo().stream()
        .map(p -> p == null ? new io.openvpc.api.types.vpc.BatchModifySnapshotPolicy() : p)
        .map(p -> new SnapshotService.PolicySpec(p.getSnapshotPolicyId(), p.getSnapshotPolicyName(), null,
            p.getKeepTime(), null, null, null, schedule(p.getBackupPolicies()), null)).toList());
    return new ModifySnapshotPoliciesResponse();
  }

  DeleteSnapshotPoliciesResponse delete(Call call, DeleteSnapshotPoliciesRequest r) {
    snapshots.delete(call.scope(), r.getSnapshotPolicyIds());
    return new DeleteSnapshotPoliciesResponse();
  }

  EnableSnapshotPoliciesResponse enable(Call call, EnableSnapshotPoliciesRequest r) {
    snapshots.setEnabled(call.scope(), r.getSnapshotPolicyIds(), true);
    return new EnableSnapshotPoliciesResponse();
  }

  DisableSnapshotPoliciesResponse disable(Call call, DisableSnapshotPoliciesRequest r) {
    snapshots.setEnabled(call.scope(), r.getSnapshotPolicyIds(), false);
    return new DisableSnapshotPoliciesResponse();
  }

  AttachSnapshotInstancesResponse attach(Call call, AttachSnapshotInstancesRequest r) {
    snapshots.attach(call.scope(), r.getSnapshotPolicyId(), instances(r.getInstances()));
    return new AttachSnapshotInstancesResponse();
  }

  DetachSnapshotInstancesResponse detach(Call call, DetachSnapshotInstancesRequest r) {
    snapshots.detach(call.scope(), r.getSnapshotPolicyId(), instances(r.getInstances()));
    return new DetachSnapshotInstancesResponse();
  }

  DescribeSnapshotAttachedInstancesResponse attached(Call call, DescribeSnapshotAttachedInstancesRequest r) {
    Page<SecurityGroup> p = snapshots.attached(call.scope(), r.getSnapshotPolicyId(), Convert.filters(r.getFilters()),
        r.getOffset(), r.getLimit());
    return new DescribeSnapshotAttachedInstancesResponse().setTotalCount(p.totalCount())
        .setInstanceSet(p.items().stream().map(g -> new SnapshotInstance().setInstanceId(g.id())
            .setInstanceType("securitygroup").setInstanceRegion(call.region()).setSnapshotPolicyId(r.getSnapshotPolicyId())
            .setInstanceName(g.name())).toList());
  }

  DescribeSnapshotFilesResponse files(Call call, DescribeSnapshotFilesRequest r) {
    Page<SnapshotFile> p = snapshots.files(call.scope(), r.getBusinessType(), r.getInstanceId(), r.getStartDate(),
        r.getEndDate(), r.getOffset(), r.getLimit());
    return new DescribeSnapshotFilesResponse().setTotalCount(p.totalCount())
        .setSnapshotFileSet(p.items().stream().map(f -> new SnapshotFileInfo().setSnapshotPolicyId(f.snapshotPolicyId())
            .setInstanceId(f.securityGroupId()).setSnapshotFileId(f.id()).setBackupTime(Times.local(f.backupTime()))
            .setOperator(f.operator())).toList());
  }

  DescribeSgSnapshotFileContentResponse content(Call call, DescribeSgSnapshotFileContentRequest r) {
    SnapshotService.FileContent c = snapshots.content(call.scope(), r.getSnapshotPolicyId(), r.getSnapshotFileId(),
        r.getSecurityGroupId());
    SnapshotFile f = c.file();
    return new DescribeSgSnapshotFileContentResponse().setInstanceId(f.securityGroupId())
        .setSnapshotPolicyId(f.snapshotPolicyId()).setSnapshotFileId(f.id()).setBackupTime(Times.local(f.backupTime()))
        .setOperator(f.operator()).setOriginalData(rules(c.current().ingress(), c.current().egress()))
        .setBackupData(rules(f.ingress(), f.egress()));
  }

  ResumeSnapshotInstanceResponse resume(Call call, ResumeSnapshotInstanceRequest r) {
    snapshots.resume(call.scope(), r.getSnapshotPolicyId(), r.getSnapshotFileId(), r.getInstanceId());
    return new ResumeSnapshotInstanceResponse();
  }

  /**
   * Both directions in one list, as Tencent's SecurityGroupPolicy[] shows them: ingress first, then
   * egress, each numbered from 0 within its direction.
   */
  private static List<io.openvpc.api.types.vpc.SecurityGroupPolicy> rules(List<SecurityGroupPolicy> in,
      List<SecurityGroupPolicy> out) {
    List<io.openvpc.api.types.vpc.SecurityGroupPolicy> all = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      all.add(SecurityGroupHandlers.policyView(i, in.get(i)));
    }
    for (int i = 0; i < out.size(); i++) {
      all.add(SecurityGroupHandlers.policyView(i, out.get(i)));
    }
    return all;
  }

  private static List<SnapshotPolicy.BackupPolicy> schedule(List<BackupPolicy> l) {
    return l == null ? null : l.stream().map(b -> b == null ? new SnapshotPolicy.BackupPolicy(null, null)
        : new SnapshotPolicy.BackupPolicy(b.getBackupDay(), b.getBackupTime()))
        .toList();
  }

  private static List<SnapshotService.InstanceRef> instances(List<SnapshotInstance> l) {
    return l == null ? null : l.stream().map(i -> i == null ? new SnapshotService.InstanceRef(null, null, null)
        : new SnapshotService.InstanceRef(i.getInstanceId(), i.getInstanceType(), i.getInstanceRegion())).toList();
  }

  static io.openvpc.api.types.vpc.SnapshotPolicy view(SnapshotPolicy p) {
    return new io.openvpc.api.types.vpc.SnapshotPolicy().setSnapshotPolicyId(p.id()).setSnapshotPolicyName(p.name())
        .setBackupType(p.backupType()).setKeepTime(p.keepTimeDays()).setCreateNewCos(p.createNewCos())
        .setCosRegion(p.cosRegion()).setCosBucket(p.cosBucket()).setEnable(p.enabled())
        .setBackupPolicies(p.backupPolicies().stream().map(b -> new BackupPolicy().setBackupDay(b.day())
            .setBackupTime(b.time())).toList())
        .setCreateTime(Times.local(p.createdTime())).setTagSet(Convert.tagSet(p.tags()));
  }
}
