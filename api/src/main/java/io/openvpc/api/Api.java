package io.openvpc.api;

import io.openvpc.api.analysis.AnalysisHandlers;
import io.openvpc.api.cvm.InstanceHandlers;
import io.openvpc.api.cvm.InstanceSecurityGroupHandlers;
import io.openvpc.api.cvm.RegionHandlers;
import io.openvpc.api.vpc.AddressUsageHandlers;
import io.openvpc.api.vpc.HaVipHandlers;
import io.openvpc.api.vpc.NetworkAclHandlers;
import io.openvpc.api.vpc.NetworkInterfaceHandlers;
import io.openvpc.api.vpc.RouteTableHandlers;
import io.openvpc.api.vpc.SecurityGroupHandlers;
import io.openvpc.api.vpc.SnapshotHandlers;
import io.openvpc.api.vpc.SubnetHandlers;
import io.openvpc.api.vpc.TaskHandlers;
import io.openvpc.api.vpc.TemplateHandlers;
import io.openvpc.api.vpc.VpcBlockHandlers;
import io.openvpc.api.vpc.VpcHandlers;
import io.openvpc.api.vpc.VpcInstanceHandlers;
import io.openvpc.control.ControlPlane;
import java.util.List;

/** Wires every handler family to the control plane and returns the dispatcher that serves them. */
public final class Api {
  private Api() {}

  public static Dispatcher dispatcher(ControlPlane control) {
    Actions actions = new Actions();
    for (HandlerFamily family : families(control)) {
      family.register(actions);
    }
    return new Dispatcher(actions, control.regions(),
        (call, resourceIds) -> control.tasks().ensure(call.scope(), call.requestId(), call.action(), resourceIds));
  }

  /** One line per resource family. */
  static List<HandlerFamily> families(ControlPlane control) {
    return List.of(
        new RegionHandlers(control.regions()),
        new VpcHandlers(control.vpcs(), call -> control.ledger().read(call.scope())),
        new VpcBlockHandlers(control.vpcBlocks(), call -> control.ledger().read(call.scope())),
        new SubnetHandlers(control.subnets()),
        new NetworkInterfaceHandlers(control.networkInterfaces(), control.networkInterfaceAddresses(),
            call -> control.ledger().read(call.scope())),
        new AddressUsageHandlers(control.addressUsage()),
        new InstanceHandlers(control.instances(), control.regions()),
        new VpcInstanceHandlers(control.instances()),
        new RouteTableHandlers(control.routeTables()),
        new HaVipHandlers(control.haVips()),
        new TaskHandlers(control.tasks()),
        new AnalysisHandlers(control.analysis()),
        new SecurityGroupHandlers(control.securityGroups(), control.securityGroupPolicies()),
        new InstanceSecurityGroupHandlers(control.securityGroups()),
        new TemplateHandlers(control.templates()),
        new NetworkAclHandlers(control.networkAcls()),
        new SnapshotHandlers(control.snapshots()));
  }
}
