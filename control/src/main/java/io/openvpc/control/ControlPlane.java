package io.openvpc.control;

import io.openvpc.control.store.Store;
import io.openvpc.control.subnet.SubnetService;
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
}
