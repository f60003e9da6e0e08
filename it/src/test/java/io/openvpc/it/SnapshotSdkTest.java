package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.AssociateSecurityGroupsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DisassociateSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AttachSnapshotInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.BackupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.BatchModifySnapshotPolicy;
import com.tencentcloudapi.vpc.v20170312.models.CreateSnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupAssociationStatisticsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSgSnapshotFileContentRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSnapshotAttachedInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSnapshotFilesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DetachSnapshotInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisableSnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.EnableSnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifySnapshotPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ResumeSnapshotInstanceRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SnapshotFileInfo;
import com.tencentcloudapi.vpc.v20170312.models.SnapshotInstance;
import com.tencentcloudapi.vpc.v20170312.models.SnapshotPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshot policies through the official Java SDK: backups on change and on schedule, their content,
 * rollback; and CVM security group binding, which these groups are bound with.
 */
class SnapshotSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  static SnapshotPolicy policy(String type, BackupPolicy... schedule) {
    SnapshotPolicy p = new SnapshotPolicy();
    p.setSnapshotPolicyName("nightly " + type);
    p.setBackupType(type);
    p.setKeepTime(7L);
    p.setCreateNewCos(false);
    p.setCosRegion(LiveServer.REGION);
    p.setCosBucket("backups-1250000000");
    if (schedule.length > 0) {
      p.setBackupPolicies(schedule);
    }
    return p;
  }

  static String create(SnapshotPolicy p) throws Exception {
    CreateSnapshotPoliciesRequest r = new CreateSnapshotPoliciesRequest();
    r.setSnapshotPolicies(new SnapshotPolicy[] {p});
    return vpc.CreateSnapshotPolicies(r).getSnapshotPolicies()[0].getSnapshotPolicyId();
  }

  static SnapshotInstance instance(String sg) {
    SnapshotInstance i = new SnapshotInstance();
    i.setInstanceId(sg);
    i.setInstanceType("securitygroup");
    i.setInstanceRegion(LiveServer.REGION);
    return i;
  }

  static SnapshotFileInfo[] files(String sg) throws Exception {
    DescribeSnapshotFilesRequest f = new DescribeSnapshotFilesRequest();
    f.setBusinessType("securitygroup");
    f.setInstanceId(sg);
    f.setStartDate("2020-01-01");
    f.setEndDate("2099-12-31");
    return vpc.DescribeSnapshotFiles(f).getSnapshotFileSet();
  }

  static SecurityGroupPolicy rule(String port) {
    return SdkFixture.rule("TCP", port, "10.0.0.0/8", "ACCEPT");
  }

  @Test
  void operatePolicy_backsUpEveryChange_andResumeRestoresExactly() throws Exception {
    String sg = sdk.group("guarded");
    sdk.addIngress(sg, rule("22"));
    String policy = create(policy("operate"));
    assertThat(policy).matches("sspolicy-[a-z0-9]{8}");
    AttachSnapshotInstancesRequest at = new AttachSnapshotInstancesRequest();
    at.setSnapshotPolicyId(policy);
    at.setInstances(new SnapshotInstance[] {instance(sg)});
    vpc.AttachSnapshotInstances(at);
    assertError(() -> vpc.AttachSnapshotInstances(at), "ResourceInUse", policy);
    DescribeSnapshotAttachedInstancesRequest attached = new DescribeSnapshotAttachedInstancesRequest();
    attached.setSnapshotPolicyId(policy);
    assertThat(vpc.DescribeSnapshotAttachedInstances(attached).getInstanceSet()).extracting(SnapshotInstance::getInstanceId)
        .containsExactly(sg);

    SnapshotFileInfo[] first = files(sg);
    assertThat(first).hasSize(1);
    String original = first[0].getSnapshotFileId();
    assertThat(original).matches("ssfile-[a-z0-9]{10}");
    sdk.addIngress(sg, rule("80"), rule("443"));
    assertThat(files(sg)).hasSize(2);
    String before = sdk.policies(sg).getVersion();

    DescribeSgSnapshotFileContentRequest content = new DescribeSgSnapshotFileContentRequest();
    content.setSnapshotPolicyId(policy);
    content.setSnapshotFileId(original);
    content.setSecurityGroupId(sg);
    var c = vpc.DescribeSgSnapshotFileContent(content);
    assertThat(c.getBackupData()).extracting(SecurityGroupPolicy::getPort).containsExactly("22");
    assertThat(c.getOriginalData()).extracting(SecurityGroupPolicy::getPort).containsExactly("22", "80", "443");

    ResumeSnapshotInstanceRequest resume = new ResumeSnapshotInstanceRequest();
    resume.setSnapshotPolicyId(policy);
    resume.setSnapshotFileId(original);
    resume.setInstanceId(sg);
    vpc.ResumeSnapshotInstance(resume);
    assertThat(sdk.ingressText(sg)).containsExactly("0:ACCEPT TCP 22 10.0.0.0/8");
    assertThat(Long.parseLong(sdk.policies(sg).getVersion())).isEqualTo(Long.parseLong(before) + 1);
    resume.setSnapshotFileId("ssfile-zzzzzzzzzz");
    assertError(() -> vpc.ResumeSnapshotInstance(resume), "ResourceNotFound", "ssfile-zzzzzzzzzz");

    DisableSnapshotPoliciesRequest off = new DisableSnapshotPoliciesRequest();
    off.setSnapshotPolicyIds(new String[] {policy});
    vpc.DisableSnapshotPolicies(off);
    int count = files(sg).length;
    sdk.addIngress(sg, rule("8080"));
    assertThat(files(sg)).hasSize(count);
    EnableSnapshotPoliciesRequest on = new EnableSnapshotPoliciesRequest();
    on.setSnapshotPolicyIds(new String[] {policy});
    vpc.EnableSnapshotPolicies(on);

    DeleteSnapshotPoliciesRequest del = new DeleteSnapshotPoliciesRequest();
    del.setSnapshotPolicyIds(new String[] {policy});
    assertError(() -> vpc.DeleteSnapshotPolicies(del), "ResourceInUse", sg);
    DetachSnapshotInstancesRequest detach = new DetachSnapshotInstancesRequest();
    detach.setSnapshotPolicyId(policy);
    detach.setInstances(new SnapshotInstance[] {instance(sg)});
    vpc.DetachSnapshotInstances(detach);
    vpc.DeleteSnapshotPolicies(del);
    assertThat(files(sg)).isEmpty();
  }

  @Test
  void timePolicy_backsUpWhenTheSchedulerRuns() throws Exception {
    String sg = sdk.group("scheduled");
    BackupPolicy monday = new BackupPolicy();
    monday.setBackupDay("monday");
    monday.setBackupTime("01:00:00");
    String policy = create(policy("time", monday));
    AttachSnapshotInstancesRequest at = new AttachSnapshotInstancesRequest();
    at.setSnapshotPolicyId(policy);
    at.setInstances(new SnapshotInstance[] {instance(sg)});
    vpc.AttachSnapshotInstances(at);
    assertThat(files(sg)).isEmpty();
    int taken = sdk.live.server().control().snapshots().runDue(List.of(sdk.scope()), Instant.now().plus(Duration.ofDays(8)));
    assertThat(taken).isEqualTo(1);
    assertThat(files(sg)).singleElement().satisfies(f -> assertThat(f.getOperator()).isEqualTo("system"));

    ModifySnapshotPoliciesRequest m = new ModifySnapshotPoliciesRequest();
    BatchModifySnapshotPolicy change = new BatchModifySnapshotPolicy();
    change.setSnapshotPolicyId(policy);
    change.setKeepTime(30L);
    m.setSnapshotPoliciesInfo(new BatchModifySnapshotPolicy[] {change});
    vpc.ModifySnapshotPolicies(m);
    DescribeSnapshotPoliciesRequest d = new DescribeSnapshotPoliciesRequest();
    d.setSnapshotPolicyIds(new String[] {policy});
    SnapshotPolicy got = vpc.DescribeSnapshotPolicies(d).getSnapshotPolicySet()[0];
    assertThat(got.getKeepTime()).isEqualTo(30);
    assertThat(got.getBackupPolicies()[0].getBackupDay()).isEqualTo("monday");

    CreateSnapshotPoliciesRequest noSchedule = new CreateSnapshotPoliciesRequest();
    noSchedule.setSnapshotPolicies(new SnapshotPolicy[] {policy("time")});
    assertError(() -> vpc.CreateSnapshotPolicies(noSchedule), "MissingParameter", "BackupPolicies");
    SnapshotPolicy badKeep = policy("operate");
    badKeep.setKeepTime(400L);
    noSchedule.setSnapshotPolicies(new SnapshotPolicy[] {badKeep});
    assertError(() -> vpc.CreateSnapshotPolicies(noSchedule), "InvalidParameterValue.Range", "KeepTime");
    at.setInstances(new SnapshotInstance[] {instance("sg-zzzzzzzz")});
    assertError(() -> vpc.AttachSnapshotInstances(at), "ResourceNotFound", "sg-zzzzzzzz");
  }

  @Test
  void cvmBinding_ordersGroupsOnThePrimaryEni_andBlocksDeletion() throws Exception {
    SdkFixture.Network net = sdk.network("10.70.0.0/16", "10.70.1.0/24");
    String a = sdk.group("a");
    String b = sdk.group("b");
    var run = SdkFixture.runRequest(net.vpcId(), net.subnetId(), 1, "bound");
    run.setSecurityGroupIds(new String[] {a});
    String ins = cvm.RunInstances(run).getInstanceIdSet()[0];
    AssociateSecurityGroupsRequest as = new AssociateSecurityGroupsRequest();
    as.setInstanceIds(new String[] {ins});
    as.setSecurityGroupIds(new String[] {b, a});
    cvm.AssociateSecurityGroups(as);
    assertThat(sdk.describeInstance(ins).getSecurityGroupIds()).containsExactly(a, b);

    DescribeSecurityGroupAssociationStatisticsRequest st = new DescribeSecurityGroupAssociationStatisticsRequest();
    st.setSecurityGroupIds(new String[] {b});
    assertThat(vpc.DescribeSecurityGroupAssociationStatistics(st).getSecurityGroupAssociationStatisticsSet()[0].getCVM())
        .isEqualTo(1);
    DeleteSecurityGroupRequest del = new DeleteSecurityGroupRequest();
    del.setSecurityGroupId(b);
    assertError(() -> vpc.DeleteSecurityGroup(del), "ResourceInUse", "network interfaces");

    DisassociateSecurityGroupsRequest dis = new DisassociateSecurityGroupsRequest();
    dis.setInstanceIds(new String[] {ins});
    dis.setSecurityGroupIds(new String[] {b});
    cvm.DisassociateSecurityGroups(dis);
    assertThat(sdk.describeInstance(ins).getSecurityGroupIds()).containsExactly(a);
    vpc.DeleteSecurityGroup(del);
    as.setInstanceIds(new String[] {"ins-zzzzzzzz"});
    as.setSecurityGroupIds(new String[] {a});
    assertError(() -> cvm.AssociateSecurityGroups(as), "InvalidInstanceId.NotFound", "ins-zzzzzzzz");
  }
}
