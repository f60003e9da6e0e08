package io.openvpc.control;

import io.openvpc.control.acl.NetworkAclService;
import io.openvpc.control.analysis.NetworkAnalysis;
import io.openvpc.engine.Engine;
import io.openvpc.control.eni.NetworkInterfaceAddressService;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.havip.HaVipService;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.security.SecurityGroupPolicyService;
import io.openvpc.control.security.SecurityGroupService;
import io.openvpc.control.security.SnapshotService;
import io.openvpc.control.store.Store;
import io.openvpc.control.subnet.AddressUsageService;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.task.TaskService;
import io.openvpc.control.template.TemplateService;
import io.openvpc.control.vpc.VpcBlockService;
import io.openvpc.control.vpc.VpcService;
import java.time.Clock;

/**
 * The control plane as a whole: the ledger over the store, the catalogues, and one service per
 * resource family. Built once at start-up; everything above it (API, CLI, console) only calls it.
 */
public final class ControlPlane {
  private final Store store;
  private final Ledger ledger;
  private final Regions regions;
  private final Quotas quotas;
  private final Clock clock;
  private final Accounts accounts;
  private final VpcService vpcs;
  private final VpcBlockService vpcBlocks;
  private final SubnetService subnets;
  private final AddressUsageService addressUsage;
  private final NetworkInterfaceService networkInterfaces;
  private final NetworkInterfaceAddressService networkInterfaceAddresses;
  private final InstanceService instances;
  private final TaskService tasks;
  private final RouteTableService routeTables;
  private final HaVipService haVips;
  private final NetworkAnalysis analysis;
  private final TemplateService templates;
  private final SnapshotService snapshots;
  private final SecurityGroupPolicyService securityGroupPolicies;
  private final SecurityGroupService securityGroups;
  private final NetworkAclService networkAcls;

  public ControlPlane(Store store, Regions regions, Quotas quotas, Clock clock) {
    this.store = store;
    this.ledger = new Ledger(store);
    this.regions = regions;
    this.quotas = quotas;
    this.clock = clock;
    this.accounts = new Accounts(store.accounts(), clock);
    this.vpcs = new VpcService(ledger, quotas, clock);
    this.vpcBlocks = new VpcBlockService(ledger, quotas);
    this.subnets = new SubnetService(ledger, regions, quotas, clock);
    this.addressUsage = new AddressUsageService(ledger);
    this.networkInterfaces = new NetworkInterfaceService(ledger, quotas, clock);
    this.networkInterfaceAddresses = new NetworkInterfaceAddressService(ledger, quotas, clock);
    this.instances = new InstanceService(ledger, regions, networkInterfaces, quotas, clock);
    this.tasks = new TaskService(ledger, clock);
    this.routeTables = new RouteTableService(ledger, quotas, clock);
    this.haVips = new HaVipService(ledger, quotas, clock);
    this.analysis = new NetworkAnalysis(ledger, new Engine());
    ledger.addListener(analysis);
    this.templates = new TemplateService(ledger, quotas, clock);
    this.snapshots = new SnapshotService(ledger, clock);
    this.securityGroupPolicies = new SecurityGroupPolicyService(ledger, quotas, clock, snapshots);
    this.securityGroups = new SecurityGroupService(ledger, quotas, clock, securityGroupPolicies);
    this.networkAcls = new NetworkAclService(ledger, quotas, clock);
  }

  public Store store() {
    return store;
  }

  public Ledger ledger() {
    return ledger;
  }

  public Regions regions() {
    return regions;
  }

  public Quotas quotas() {
    return quotas;
  }

  public Clock clock() {
    return clock;
  }

  public Accounts accounts() {
    return accounts;
  }

  public VpcService vpcs() {
    return vpcs;
  }

  public VpcBlockService vpcBlocks() {
    return vpcBlocks;
  }

  public SubnetService subnets() {
    return subnets;
  }

  public AddressUsageService addressUsage() {
    return addressUsage;
  }

  public NetworkInterfaceService networkInterfaces() {
    return networkInterfaces;
  }

  public NetworkInterfaceAddressService networkInterfaceAddresses() {
    return networkInterfaceAddresses;
  }

  public InstanceService instances() {
    return instances;
  }

  public TaskService tasks() {
    return tasks;
  }

  public RouteTableService routeTables() {
    return routeTables;
  }

  public HaVipService haVips() {
    return haVips;
  }

  public NetworkAnalysis analysis() {
    return analysis;
  }

  /** The server's one semantics engine: the analysis asks it questions, the data plane listens to it. */
  public Engine engine() {
    return analysis.engine();
  }

  public TemplateService templates() {
    return templates;
  }

  public SnapshotService snapshots() {
    return snapshots;
  }

  public SecurityGroupPolicyService securityGroupPolicies() {
    return securityGroupPolicies;
  }

  public SecurityGroupService securityGroups() {
    return securityGroups;
  }

  public NetworkAclService networkAcls() {
    return networkAcls;
  }
}
