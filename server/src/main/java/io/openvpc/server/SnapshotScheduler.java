package io.openvpc.server;

import io.openvpc.control.ControlPlane;
import io.openvpc.control.Regions;
import io.openvpc.model.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled security group backups of every account and region once a minute (the
 * {@link io.openvpc.control.security.SnapshotService} decides what is due by the clock it is given).
 */
final class SnapshotScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);
  private final ControlPlane control;
  private final Clock clock;
  private final ScheduledExecutorService executor;

  SnapshotScheduler(ControlPlane control, Clock clock) {
    this.control = control;
    this.clock = clock;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "openvpc-snapshots");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    executor.scheduleWithFixedDelay(this::tick, 60, 60, TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      int taken = control.snapshots().runDue(scopes(), clock.instant());
      if (taken > 0) {
        LOG.info("took {} scheduled security group backups", taken);
      }
    } catch (RuntimeException e) {
      LOG.error("scheduled security group backups failed", e);
    }
  }

  private List<Scope> scopes() {
    List<Scope> out = new ArrayList<>();
    for (var account : control.accounts().list()) {
      for (Regions.Region region : control.regions().all()) {
        out.add(new Scope(account.appId(), region.name()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
