package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsResponse;
import io.openvpc.control.ApiKey;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import io.openvpc.store.jdbc.Database;
import io.openvpc.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a separate process on the embedded H2 file: killed with SIGKILL while clients create
 * and delete VPCs, it comes back with every acknowledged write and nothing half-made; SIGTERM stops it
 * cleanly; and {@code openvpc account} opens the same file while it runs (AUTO_SERVER).
 */
class CrashDurabilityTest {
  @TempDir
  Path tmp;

  @Test
  void sigkill_midStream_everyAcknowledgedWriteSurvives_nothingHalfMade() throws Exception {
    Path dataDir = tmp.resolve("data");
    try (ServerProcess server = new ServerProcess(dataDir, "--quota", "appid-max-vpcs=100000").start()) {
      Set<String> created = ConcurrentHashMap.newKeySet();
      Set<String> deleted = ConcurrentHashMap.newKeySet();
      // a delete sent but not acknowledged when the server died may or may not have committed
      Set<String> deleting = ConcurrentHashMap.newKeySet();
      AtomicInteger acknowledged = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      CountDownLatch enough = new CountDownLatch(1);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        Thread t = new Thread(() -> {
          VpcClient vpc = server.vpc();
          for (int i = 0; failures.get() == 0; i++) {
            try {
              CreateVpcRequest create = new CreateVpcRequest();
              create.setVpcName("crash-" + client + "-" + i);
              create.setCidrBlock("10." + client + ".0.0/16");
              String id = vpc.CreateVpc(create).getVpc().getVpcId();
              created.add(id);
              if (i % 3 == 2) {
                DeleteVpcRequest delete = new DeleteVpcRequest();
                delete.setVpcId(id);
                deleting.add(id);
                vpc.DeleteVpc(delete);
                deleted.add(id);
                deleting.remove(id);
              }
              if (acknowledged.incrementAndGet() >= 300) {
                enough.countDown();
              }
            } catch (TencentCloudSDKException e) {
              failures.incrementAndGet(); // the server is gone: this call's outcome is unknown
            }
          }
        }, "crash-client-" + c);
        t.start();
        clients.add(t);
      }
      assertThat(enough.await(120, TimeUnit.SECONDS)).as("300 acknowledged creates; server output:\n%s", server.output())
          .isTrue();
      server.kill(); // while the clients are still sending
      for (Thread t : clients) {
        t.join(60_000);
      }
      assertThat(failures.get()).as("the kill interrupted the clients").isPositive();

      server.start();
      Set<String> listed = listAll(server.vpc());
      Set<String> expected = new HashSet<>(created);
      expected.removeAll(deleted);
      expected.removeAll(deleting);
      assertThat(listed).as("every acknowledged create that was not deleted").containsAll(expected);
      assertThat(listed).as("no acknowledged delete comes back").doesNotContainAnyElementsOf(deleted);

      // Nothing half-made: read the file itself (through AUTO_SERVER, while the server runs).
      try (JdbcStore store = new JdbcStore(Database.open(null, dataDir))) {
        ApiKey key = store.accounts().findKey(server.secretId).orElseThrow();
        Topology t = store.load(new Scope(key.appId(), LiveServer.REGION));
        Set<String> vpcs = new HashSet<>();
        t.all(Vpc.class).forEach(v -> vpcs.add(v.id()));
        assertThat(vpcs).isEqualTo(listed);
        for (Vpc v : t.all(Vpc.class)) {
          assertThat(t.where(RouteTable.class, r -> r.vpcId().equals(v.id()) && r.main()))
              .as("default route table of %s", v.id()).hasSize(1);
        }
        for (RouteTable r : t.all(RouteTable.class)) {
          assertThat(vpcs).as("route table %s belongs to a VPC that exists", r.id()).contains(r.vpcId());
        }
      }
      assertThat(server.output()).doesNotContain("Exception");
    }
  }

  static Set<String> listAll(VpcClient client) throws TencentCloudSDKException {
    Set<String> ids = new HashSet<>();
    for (long offset = 0; ; offset += 100) {
      DescribeVpcsRequest d = new DescribeVpcsRequest();
      d.setOffset(String.valueOf(offset));
      d.setLimit("100");
      DescribeVpcsResponse page = client.DescribeVpcs(d);
      for (var v : page.getVpcSet()) {
        ids.add(v.getVpcId());
      }
      if (offset + 100 >= page.getTotalCount()) {
        return ids;
      }
    }
  }

  @Test
  void sigterm_stopsCleanly_andKeepsTheData() throws Exception {
    Path dataDir = tmp.resolve("term");
    try (ServerProcess server = new ServerProcess(dataDir).start()) {
      CreateVpcRequest create = new CreateVpcRequest();
      create.setVpcName("survives-sigterm");
      create.setCidrBlock("10.0.0.0/16");
      String id = server.vpc().CreateVpc(create).getVpc().getVpcId();

      int exit = server.terminate();
      String out = server.output();
      assertThat(exit).as("exit code after SIGTERM; output:\n%s", out).isEqualTo(0);
      assertThat(out).contains("OpenVPC stopped").doesNotContain("Exception").doesNotContain("\tat ");

      server.start();
      assertThat(listAll(server.vpc())).contains(id);
    }
  }

  @Test
  void accountCommand_opensTheEmbeddedDatabase_whileTheServerRuns() throws Exception {
    Path dataDir = tmp.resolve("auto");
    try (ServerProcess server = new ServerProcess(dataDir).start()) {
      Path out = tmp.resolve("account.out");
      Process create = ServerProcess.openvpc(out, List.of("account", "create", "--name", "second", "--json",
          "--data-dir", dataDir.toString())).start();
      assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(create.exitValue()).as(Files.readString(out)).isZero();
      String createdJson = Files.readString(out);
      assertThat(createdJson).contains("\"SecretId\"");

      Process list = ServerProcess.openvpc(out, List.of("account", "list", "--data-dir", dataDir.toString())).start();
      assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String table = Files.readString(out);
      assertThat(list.exitValue()).as(table).isZero();
      assertThat(table).contains("bootstrap").contains("second");

      // The running server sees the key that the other process added.
      var node = io.openvpc.api.Json.MAPPER.readTree(createdJson).get(0);
      VpcClient second = new VpcClient(new com.tencentcloudapi.common.Credential(node.get("SecretId").asText(),
          node.get("SecretKey").asText()), LiveServer.REGION, server.vpc().getClientProfile());
      assertThat(second.DescribeVpcs(new DescribeVpcsRequest()).getTotalCount()).isZero();
    }
  }
}
