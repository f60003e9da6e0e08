package io.openvpc.control;

import io.openvpc.control.store.Store;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.task.TaskService;
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
  private final NetworkInterfaceService networkInterfaces;
  private final InstanceService instances;
  private final TaskService tasks;

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
    this.networkInterfaces = new NetworkInterfaceService(ledger, quotas, clock);
    this.instances = new InstanceService(ledger, regions, networkInterfaces, clock);
    this.tasks = new TaskService(ledger);
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

  public NetworkInterfaceService networkInterfaces() {
    return networkInterfaces;
  }

  public InstanceService instances() {
    return instances;
  }

  public TaskService tasks() {
    return tasks;
  }
}
