package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignPrivateIpAddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.NetworkInterface;
import com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification;
import com.tencentcloudapi.vpc.v20170312.models.Subnet;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database serving one account, hammered in parallel: overlapping
 * CreateSubnet calls leave exactly one subnet per group of mutually overlapping blocks, and parallel
 * address assignments never hand out an address twice.
 */
class AddressConcurrencyPostgresTest {
  @TempDir
  Path tmp;

  interface Attempt {
    void run() throws Exception;
  }

  /** Runs every attempt on a pool, all released at once; returns the error code of each (null = success). */
  static List<String> race(List<Attempt> attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Attempt a : attempts) {
        Callable<String> task = () -> {
          go.await();
          try {
            a.run();
            return null;
          } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
          }
        };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoServers_overlappingSubnetsAndSharedAddresses_exactlyTheRightOnesWin() throws Exception {
    TwoServersPostgresTest.requirePostgres();
    String secretId = "AKIDaddr" + UUID.randomUUID().toString().replace("-", "");
    String secretKey = UUID.randomUUID().toString().replace("-", "");
    ServerConfig config = ServerConfig.forTests(tmp, TwoServersPostgresTest.URL)
        .withQuotas(Map.of()).withBootstrapKey(secretId, secretKey);
    try (OpenVpcServer a = OpenVpcServer.start(config); OpenVpcServer b = OpenVpcServer.start(config)) {
      List<VpcClient> clients = List.of(TwoServersPostgresTest.client(a, secretId, secretKey),
          TwoServersPostgresTest.client(b, secretId, secretKey));
      String vpcId = clients.get(0).CreateVpc(SdkFixture.vpcRequest("it", "10.90.0.0/16")).getVpc().getVpcId();

      // Eight groups of nested (so pairwise overlapping) blocks, each block sent twice, once per server.
      List<Attempt> creates = new ArrayList<>();
      int groups = 8;
      for (int g = 0; g < groups; g++) {
        for (int mask = 24; mask <= 27; mask++) {
          for (VpcClient c : clients) {
            CreateSubnetRequest r = SdkFixture.subnetRequest(vpcId, "g" + g, "10.90." + g + ".0/" + mask, SdkFixture.ZONE);
            creates.add(() -> c.CreateSubnet(r));
          }
        }
      }
      Collections.shuffle(creates);
      List<String> outcomes = race(creates);
      assertThat(outcomes.stream().filter(o -> o == null).count()).isEqualTo(groups);
      assertThat(outcomes.stream().filter(o -> o != null)).containsOnly("InvalidParameterValue.SubnetConflict");
      DescribeSubnetsRequest d = new DescribeSubnetsRequest();
      Filter f = new Filter();
      f.setName("vpc-id");
      f.setValues(new String[] {vpcId});
      d.setFilters(new Filter[] {f});
      d.setLimit("100");
      for (VpcClient c : clients) {
        Subnet[] subnets = c.DescribeSubnets(d).getSubnetSet();
        assertThat(subnets).hasSize(groups);
        assertThat(java.util.Arrays.stream(subnets).map(s -> s.getCidrBlock().split("\\.")[2]).distinct()).hasSize(groups);
      }

      // Parallel assignments on both servers: the same address goes to exactly one ENI ...
      String subnetId = clients.get(0).DescribeSubnets(d).getSubnetSet()[0].getSubnetId();
      String cidr = clients.get(0).DescribeSubnets(d).getSubnetSet()[0].getCidrBlock();
      List<String> enis = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        enis.add(clients.get(i % 2).CreateNetworkInterface(SdkFixture.eniRequest(vpcId, subnetId, "e" + i))
            .getNetworkInterface().getNetworkInterfaceId());
      }
      String contested = cidr.substring(0, cidr.lastIndexOf('.')) + ".10";
      List<Attempt> same = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        AssignPrivateIpAddressesRequest r = new AssignPrivateIpAddressesRequest();
        r.setNetworkInterfaceId(enis.get(i % enis.size()));
        PrivateIpAddressSpecification s = new PrivateIpAddressSpecification();
        s.setPrivateIpAddress(contested);
        r.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {s});
        VpcClient c = clients.get(i % 2);
        same.add(() -> c.AssignPrivateIpAddresses(r));
      }
      List<String> sameOutcomes = race(same);
      assertThat(sameOutcomes.stream().filter(o -> o == null).count()).isEqualTo(1);
      assertThat(sameOutcomes.stream().filter(o -> o != null)).containsOnly("ResourceInUse"); // AssignPrivateIpAddresses documents ResourceInUse, not .Address

      // ... and free addresses by count never collide.
      List<Attempt> free = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        AssignPrivateIpAddressesRequest r = new AssignPrivateIpAddressesRequest();
        r.setNetworkInterfaceId(enis.get(i % enis.size()));
        r.setSecondaryPrivateIpAddressCount(1L);
        VpcClient c = clients.get(i % 2);
        free.add(() -> c.AssignPrivateIpAddresses(r));
      }
      List<String> freeOutcomes = race(free);
      // The winning block is at least a /27 (29 usable addresses): 4 primaries + 1 contested + 16 fit.
      List<String> addresses = new ArrayList<>();
      DescribeNetworkInterfacesRequest all = new DescribeNetworkInterfacesRequest();
      all.setNetworkInterfaceIds(enis.toArray(String[]::new));
      for (NetworkInterface e : clients.get(1).DescribeNetworkInterfaces(all).getNetworkInterfaceSet()) {
        for (PrivateIpAddressSpecification ip : e.getPrivateIpAddressSet()) {
          addresses.add(ip.getPrivateIpAddress());
        }
      }
      long successes = freeOutcomes.stream().filter(o -> o == null).count();
      assertThat(freeOutcomes.stream().filter(o -> o != null)).allMatch("ResourceInsufficient.Subnet"::equals);
      assertThat(addresses).doesNotHaveDuplicates().hasSize((int) (4 + 1 + successes)).contains(contested);
      assertThat(successes).isEqualTo(16);
    }
  }
}
