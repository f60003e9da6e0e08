package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.policy.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a VPC router's nftables table {@code inet ovpc}. Every packet between two ENIs is
 * forwarded by the router, so its forward hook sees it, in four stages, each a base chain of its own
 * that dispatches on the interface with a verdict map (so the cost does not grow with the number of
 * ENIs):
 *
 * <ol>
 *   <li>{@code acl-out}, then {@code acl-in}: the network ACL of the sender's subnet (outbound) and of the
 *       receiver's subnet (inbound), stateless, on every packet, replies included; traffic between two
 *       ports of one subnet is exempt;
 *   <li>{@code sg-out}, then {@code sg-in}: conntrack first (packets of established connections pass, as
 *       security groups are stateful), then the sender ENI's security groups (egress) and the receiver's
 *       (ingress).
 * </ol>
 *
 * A filter becomes a chain ({@code f-...}) that jumps to its segments' chains in order and ends in the
 * filter's default; a segment's chain accepts (ending only that stage) or drops on a match and falls
 * through otherwise. Because an {@code accept} ends only the base chain it happens in, the next stage
 * still sees the packet. A rule change refills one segment's chain; a membership change refills one
 * address set; a new ENI adds one element to each map.
 */
final class RouterTable {
  static final String ACL_OUT = "acl-out";
  static final String ACL_IN = "acl-in";
  static final String SG_OUT = "sg-out";
  static final String SG_IN = "sg-in";
  private static final String VMAP = "type ifname : verdict;";

  private RouterTable() {}

  /** The four verdict maps and the four stages that look them up. */
  static void base(NetnsPart.Builder router) {
    for (String map : List.of(ACL_OUT, ACL_IN, SG_OUT, SG_IN)) {
      router.set(new NftSet(map, VMAP, List.of()));
    }
    router.chain(stage("stage-" + ACL_OUT, -30, List.of("iifname vmap @" + ACL_OUT + " comment \"network ACL outbound\"")));
    router.chain(stage("stage-" + ACL_IN, -20, List.of("oifname vmap @" + ACL_IN + " comment \"network ACL inbound\"")));
    router.chain(stage("stage-" + SG_OUT, -10, List.of("ct state established,related accept",
        "ct state invalid drop", "iifname vmap @" + SG_OUT + " comment \"security group egress\"")));
    router.chain(stage("stage-" + SG_IN, 0, List.of("ct state established,related accept",
        "ct state invalid drop", "oifname vmap @" + SG_IN + " comment \"security group ingress\"")));
  }

  private static NftChain stage(String name, int priority, List<String> rules) {
    return new NftChain(name, "type filter hook forward priority " + priority + "; policy accept;", rules);
  }

  /**
   * The chain of a filter with segments: jump to each segment's chain in order, then the filter's
   * default; named by its segments and default, so every port with the same filter shares it. The
   * segments' chains are the namespace's to render.
   */
  static NftChain filterChain(Filter f, NetnsPart.Builder into) {
    List<String> rules = new ArrayList<>();
    for (String segment : f.segments()) {
      rules.add("jump " + Names.segmentChain(segment));
      into.segment(segment);
    }
    String text = f.defaultRule().text().replace('"', '\'');
    rules.add((f.defaultAction() == Action.ACCEPT ? "accept" : "drop") + " comment \""
        + (text.length() > 120 ? text.substring(0, 120) : text) + "\"");
    List<String> key = new ArrayList<>(f.segments());
    key.add(f.defaultAction().name());
    return new NftChain(Names.filterChain(key), "", rules);
  }
}
