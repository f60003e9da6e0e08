package io.openvpc.engine.symbolic;

import io.openvpc.engine.policy.RuleRef;
import io.openvpc.model.Cidr;
import io.openvpc.model.PortRange;
import java.util.List;

/**
 * One set of flows of an analysis: the other end ({@code instanceId}/{@code networkInterfaceId}, and
 * {@code cidrBlock} unless the set is exactly all of that ENI's addresses of the family), the protocol
 * ({@code ALL}, {@code TCP}, ..., or {@code OTHER} for protocols no rule names), the destination ports
 * for TCP and UDP, and the rules that let a flow of the set through, in path order.
 */
public record ReachEntry(
    String instanceId, String networkInterfaceId, Cidr cidrBlock, String protocol, PortRange ports,
    List<RuleRef> rules) {}
