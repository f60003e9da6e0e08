package io.openvpc.control.route;

import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Rejection;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Vpc;
import java.util.List;
import java.util.Set;

/**
 * Every refusal of route tables, their routes and next hops, in English and Chinese, one factory per
 * mistake: the same mistake gives the same code and text from whichever action makes it. {@code member}
 * is the request member at fault, e.g. {@code Routes.2.GatewayId}.
 */
final class RouteErrors {
  /** The code for a malformed instance ID in a next hop (the vpc API's, not CVM's). */
  static final String INSTANCE_MALFORMED = "InvalidParameterValue.InstanceIdMalformed";
  static final String MALFORMED = "InvalidParameterValue.Malformed";

  private RouteErrors() {}

  // ---- tables

  static Rejection tooManyTables(long limit) {
    return Rejection.limit("LimitExceeded", "route tables per VPC (vpc-max-route-tables)", limit);
  }

  static Rejection defaultTableUndeletable(RouteTable r) {
    return Rejection.value("UnsupportedOperation.NotSupportDeleteDefaultRouteTable", "RouteTableId", r.id()
        + " is the default route table of " + r.vpcId() + "; it goes with the VPC.");
  }

  static Rejection tableInUse(RouteTable r, List<String> subnets) {
    return Rejection.inUse("ResourceInUse", r.id(), "subnets " + String.join(", ", subnets)
        + "; associate them with another table first (ReplaceRouteTableAssociation)");
  }

  // ---- the request's shape

  static Rejection tooManyRoutesPerCall(String member, int max) {
    return Rejection.value("InvalidParameterValue.LimitExceeded", member, "at most " + max + " routes per call.");
  }

  static Rejection routeIdsAndItemIds() {
    return new Rejection("InvalidParameter.Coexist", "`RouteIds` and `RouteItemIds` cannot be given together.",
        "`RouteIds` 与 `RouteItemIds` 不能同时指定。");
  }

  // ---- the routes a request names

  static Rejection localRoute(String member, String vpcId) {
    return Rejection.value("UnsupportedOperation.SystemRoute", member, "route 0 is a local route of " + vpcId
        + "; local routes cannot change.");
  }

  static Rejection routeNotFound(String member, String name, RouteTable r) {
    return Rejection.notFound("InvalidRouteId.NotFound", member, name + " in " + r.id());
  }

  // ---- the resulting routes

  static Rejection tooManyRoutes(long limit) {
    return Rejection.limit("LimitExceeded", "routes per route table (route-table-max-policies)", limit);
  }

  /** A second route to a destination: the same next hop again, or another one (no ECMP with user routes). */
  static Rejection destinationTaken(String member, Route other, RouteTable table, Cidr destination, boolean sameNextHop) {
    return Rejection.value(sameNextHop ? "InvalidParameterValue.Duplicate" : "UnsupportedOperation.EcmpWithUserRoute",
        member, "route " + other.routeItemId() + " of " + table.id() + " already goes to " + destination + " via "
            + other.gatewayType() + " " + other.gatewayId() + "; a table holds one route per destination.");
  }

  // ---- one route

  static Rejection bothDestinations(String member) {
    return Rejection.value("InvalidParameterValue.Combination", member,
        "give either DestinationCidrBlock or DestinationIpv6CidrBlock, not both.");
  }

  static Rejection destinationFamily(String member, Cidr destination, boolean ipv4) {
    return Rejection.malformed(member, destination.toString(), ipv4 ? "an IPv4 block" : "an IPv6 block");
  }

  static Rejection destinationInsideVpc(String member, Cidr destination, Vpc vpc) {
    return Rejection.value("InvalidParameterValue.VpcCidrConflict", member, "`" + destination + "` lies inside "
        + vpc.id() + "'s own blocks, which its local route always serves.");
  }

  static Rejection gatewayTypeOutOfRange(String member, String text, Set<GatewayType> writable) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + text + "` is not a next-hop type; one of "
        + writable + ".");
  }

  static Rejection gatewayTypeNotYet(String member, GatewayType type) {
    return new Rejection("UnsupportedOperation", "Parameter `" + member + "`: next-hop type " + type
        + " needs a product OpenVPC does not serve yet; CVM, NORMAL_CVM, HAVIP and EIP next hops work.",
        "参数 `" + member + "`：OpenVPC 暂不支持下一跳类型 " + type + "。");
  }

  static Rejection instanceNotFound(String member, String id) {
    return Rejection.notFound("InvalidInstanceId.NotFound", member, id);
  }

  static Rejection haVipNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  static Rejection instanceAddressMalformed(String member, String text) {
    return Rejection.malformed(member, text, "the private IPv4 address of an instance for NORMAL_CVM");
  }

  static Rejection addressNotOfAnInstance(String member, String text, Vpc vpc) {
    return Rejection.value("InvalidParameterValue.AddressIpNotInVpc", member, "`" + text
        + "` is not the private address of an instance in " + vpc.id() + ".");
  }

  static Rejection eipNextHopMalformed(String member, String text) {
    return Rejection.malformed(member, text, "`0` for an EIP next hop (the public IP of the sending instance)");
  }

  /** A next hop (an instance or HAVIP, as {@code what}) in another VPC than the table's. */
  static Rejection nextHopInAnotherVpc(String member, String what, String otherVpc, Vpc vpc) {
    return Rejection.value("UnsupportedOperation.InstanceAndRtbNotMatch", member, what + " is in " + otherVpc
        + ", not in the route table's VPC " + vpc.id() + ".");
  }
}
