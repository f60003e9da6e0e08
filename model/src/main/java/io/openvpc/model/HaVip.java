package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A high-availability virtual IP: a private address of a subnet that floats to whichever ENI currently
 * announces it ({@code networkInterfaceId}, empty while unbound).
 */
public record HaVip(
    String id,
    String vpcId,
    String subnetId,
    String name,
    IpAddr vip,
    String networkInterfaceId,
    String instanceId,
    String addressIp,
    boolean checkAssociate,
    List<String> allowedInstanceIds,
    List<Tag> tags,
    Instant createdTime,
    Instant flushedTime) implements Resource {

  public HaVip {
    networkInterfaceId = networkInterfaceId == null ? "" : networkInterfaceId;
    instanceId = instanceId == null ? "" : instanceId;
    addressIp = addressIp == null ? "" : addressIp;
    allowedInstanceIds = List.copyOf(allowedInstanceIds == null ? List.of() : allowedInstanceIds);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }

  public boolean bound() {
    return !networkInterfaceId.isEmpty();
  }

  /** The same HAVIP announced by {@code eniId} of {@code instanceId} ("" for both: unbound) since {@code at}. */
  public HaVip withHolder(String eniId, String holderInstanceId, Instant at) {
    return new HaVip(id, vpcId, subnetId, name, vip, eniId, holderInstanceId, addressIp, checkAssociate,
        allowedInstanceIds, tags, createdTime, at);
  }

  /** The same HAVIP with another association set. */
  public HaVip withAllowed(List<String> instanceIds) {
    return new HaVip(id, vpcId, subnetId, name, vip, networkInterfaceId, instanceId, addressIp, checkAssociate,
        instanceIds, tags, createdTime, flushedTime);
  }

  public HaVip withName(String newName) {
    return new HaVip(id, vpcId, subnetId, newName, vip, networkInterfaceId, instanceId, addressIp, checkAssociate,
        allowedInstanceIds, tags, createdTime, flushedTime);
  }
}
