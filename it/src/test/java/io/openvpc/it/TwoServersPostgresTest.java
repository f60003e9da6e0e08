package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpcRequest;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database serving one account: the quota holds exactly under parallel
 * creates sent to both, and each server then describes the same VPCs (its cache follows the revision
 * counter that the other server's writes bump).
 */
class TwoServersPostgresTest {
  static final String URL = System.getenv().getOrDefault("OPENVPC_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @TempDir
  Path tmp;

  static void requirePostgres() {
    String why = null;
    try (Connection c = DriverManager.getConnection(URL)) {
      if (!c.isValid(5)) {
        why = "connection not valid";
      }
    } catch (SQLException e) {
      why = e.getMessage();
    }
    Assumptions.assumeTrue(why == null, "PostgreSQL at " + URL + " is unreachable (" + why
        + "); set OPENVPC_TEST_POSTGRES_URL or start it (.ci/run does)");
  }

  static VpcClient client(OpenVpcServer server, String secretId, String secretKey) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(server.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new VpcClient(new Credential(secretId, secretKey), LiveServer.REGION, profile);
  }

  @Test
  void parallelCreatesOnTwoServers_quotaHoldsExactly_bothDescribeTheSameSet() throws Exception {
    requirePostgres();
    long quota = 12;
    String secretId = "AKIDtwo" + UUID.randomUUID().toString().replace("-", "");
    String secretKey = UUID.randomUUID().toString().replace("-", "");
    ServerConfig config = ServerConfig.forTests(tmp, URL).withQuotas(Map.of("appid-max-vpcs", quota))
        .withBootstrapKey(secretId, secretKey);
    try (OpenVpcServer a = OpenVpcServer.start(config); OpenVpcServer b = OpenVpcServer.start(config)) {
      List<VpcClient> clients = List.of(client(a, secretId, secretKey), client(b, secretId, secretKey));
      // warm both caches on the empty account, so that stale caches would show
      for (VpcClient c : clients) {
        assertThat(CrashDurabilityTest.listAll(c)).isEmpty();
      }
      int threads = 8;
      int attemptsPerThread = 5;
      Set<String> created = ConcurrentHashMap.newKeySet();
      AtomicInteger limited = new AtomicInteger();
      List<String> unexpected = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          VpcClient client = clients.get(t % 2);
          int thread = t;
          futures.add(pool.submit(() -> {
            go.await();
            for (int i = 0; i < attemptsPerThread; i++) {
              CreateVpcRequest r = new CreateVpcRequest();
              r.setVpcName("two-" + thread + "-" + i);
              r.setCidrBlock("10." + thread + ".0.0/16");
              try {
                created.add(client.CreateVpc(r).getVpc().getVpcId());
              } catch (TencentCloudSDKException e) {
                if ("LimitExceeded".equals(e.getErrorCode())) {
                  limited.incrementAndGet();
                } else {
                  synchronized (unexpected) {
                    unexpected.add(e.getErrorCode() + ": " + e.getMessage());
                  }
                }
              }
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : futures) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(unexpected).isEmpty();
      assertThat(created).hasSize((int) quota);
      assertThat(limited.get()).isEqualTo(threads * attemptsPerThread - (int) quota);
      for (VpcClient c : clients) {
        assertThat(CrashDurabilityTest.listAll(c)).isEqualTo(created);
      }

      // deletes through one server are seen by the other
      for (String id : created) {
        DeleteVpcRequest d = new DeleteVpcRequest();
        d.setVpcId(id);
        clients.get(Math.abs(id.hashCode()) % 2).DeleteVpc(d);
      }
      for (VpcClient c : clients) {
        assertThat(CrashDurabilityTest.listAll(c)).isEmpty();
      }
    }
  }
}
