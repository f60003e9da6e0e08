package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.CvmInstance;
import io.openvpc.api.types.vpc.DescribeVpcInstancesRequest;
import io.openvpc.api.types.vpc.DescribeVpcInstancesResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.instance.Catalogue;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.instance.InstanceService.InstanceView;
import io.openvpc.control.instance.InstanceType;
import io.openvpc.model.Instance;

/** DescribeVpcInstances: the instances of a VPC as the vpc API shows them, with their ENI limits. */
public final class VpcInstanceHandlers implements HandlerFamily {
  private final InstanceService instances;

  public VpcInstanceHandlers(InstanceService instances) {
    this.instances = instances;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.DescribeVpcInstances, this::describe);
  }

  DescribeVpcInstancesResponse describe(Call call, DescribeVpcInstancesRequest r) {
    Page<InstanceView> page = instances.describeInVpc(call.scope(), Convert.filters(r.getFilters()), r.getOffset(),
        r.getLimit());
    return new DescribeVpcInstancesResponse().setTotalCount(page.totalCount())
        .setInstanceSet(page.items().stream().map(VpcInstanceHandlers::view).toList());
  }

  static CvmInstance view(InstanceView v) {
    Instance i = v.instance();
    InstanceType type = Catalogue.requireType("InstanceType", i.instanceType());
    return new CvmInstance().setVpcId(i.vpcId()).setSubnetId(i.subnetId()).setInstanceId(i.id())
        .setInstanceName(i.name()).setInstanceState(i.state().name()).setCPU((long) type.cpu())
        .setMemory((long) type.memoryGb()).setCreatedTime(Times.local(i.createdTime()))
        .setInstanceType(i.instanceType()).setEniLimit((long) type.eniQuota()).setEniIpLimit((long) type.ipsPerEni())
        .setInstanceEniCount((long) v.interfaces().size());
  }
}
