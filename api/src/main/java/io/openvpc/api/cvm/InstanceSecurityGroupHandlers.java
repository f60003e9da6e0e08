package io.openvpc.api.cvm;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.types.cvm.AssociateSecurityGroupsRequest;
import io.openvpc.api.types.cvm.AssociateSecurityGroupsResponse;
import io.openvpc.api.types.cvm.CvmActions;
import io.openvpc.api.types.cvm.DisassociateSecurityGroupsRequest;
import io.openvpc.api.types.cvm.DisassociateSecurityGroupsResponse;
import io.openvpc.control.security.SecurityGroupService;

/** CVM AssociateSecurityGroups and DisassociateSecurityGroups: groups on an instance's primary ENI. */
public final class InstanceSecurityGroupHandlers implements HandlerFamily {
  private final SecurityGroupService groups;

  public InstanceSecurityGroupHandlers(SecurityGroupService groups) {
    this.groups = groups;
  }

  @Override
  public void register(Actions actions) {
    actions.on(CvmActions.AssociateSecurityGroups, this::associate)
        .on(CvmActions.DisassociateSecurityGroups, this::disassociate);
  }

  AssociateSecurityGroupsResponse associate(Call call, AssociateSecurityGroupsRequest r) {
    groups.associateInstances(call.scope(), r.getInstanceIds(), r.getSecurityGroupIds());
    return new AssociateSecurityGroupsResponse();
  }

  DisassociateSecurityGroupsResponse disassociate(Call call, DisassociateSecurityGroupsRequest r) {
    groups.disassociateInstances(call.scope(), r.getInstanceIds(), r.getSecurityGroupIds());
    return new DisassociateSecurityGroupsResponse();
  }
}
