package io.openvpc.bench;

import io.openvpc.control.ControlPlane;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import io.openvpc.store.jdbc.Database;
import io.openvpc.store.jdbc.JdbcStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What one address assignment costs as a subnet fills up: AssignPrivateIpAddresses (lowest free address,
 * database claim, one transaction) followed by UnassignPrivateIpAddresses, on the embedded H2 store,
 * with {@code used} addresses already taken in a /16.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AddressAllocationBench {
  @Param({"100", "2000", "10000"})
  int used;

  JdbcStore store;
  ControlPlane control;
  Scope scope = new Scope(42, "ap-guangzhou");
  String eniId;

  @Setup(Level.Trial)
  public void setUp() {
    store = new JdbcStore(Database.open("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null));
    control = new ControlPlane(store, Regions.bundled(), new Quotas(Map.of("vpc-max-enis", 100_000L,
        "eni-max-private-ips", 100L)), Clock.systemUTC());
    Vpc vpc = control.vpcs().create(scope, new VpcService.VpcSpec("bench", "10.0.0.0/16", null, null, null, null, null));
    Subnet s = control.subnets().create(scope, vpc.id(), new SubnetService.SubnetSpec("bench", "10.0.0.0/16",
        "ap-guangzhou-3", null), null).subnet();
    int perEni = 11;
    for (int taken = 0; taken < used; taken += perEni) {
      long secondary = Math.min(perEni, used - taken) - 1;
      control.networkInterfaces().create(scope, new NetworkInterfaceService.EniSpec(vpc.id(), s.id(), "fill", null,
          secondary, null, null, null));
    }
    eniId = control.networkInterfaces().create(scope, new NetworkInterfaceService.EniSpec(vpc.id(), s.id(), "probe",
        null, null, null, null, null)).id();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  @Benchmark
  public List<PrivateIp> assignThenUnassign() {
    List<PrivateIp> got = control.networkInterfaceAddresses().assign(scope, eniId, null, 1L, null);
    control.networkInterfaceAddresses().unassign(scope, eniId, List.of(got.get(0).address().toString()), null);
    return got;
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(AddressAllocationBench.class.getSimpleName()).build()).run();
  }

}
