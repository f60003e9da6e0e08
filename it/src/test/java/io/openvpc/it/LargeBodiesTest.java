package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's case: 32 signed bodies of 9.6 MB at once against a server with a 256 MB heap, which once
 * ran out of memory and answered HTTP 500 with an empty body. Now the server admits what its budget of
 * in-flight bytes holds and refuses the rest for the moment ({@code RequestLimitExceeded}, which the
 * SDKs can retry); every answer is Tencent's envelope, and the server is well afterwards.
 */
class LargeBodiesTest {
  @TempDir
  Path tmp;

  @Test
  void thirtyTwoParallelBodiesOfTenMegabytes_on256MbHeap_everyAnswerAnEnvelope() throws Exception {
    try (ServerProcess server = new ServerProcess(tmp.resolve("data")).start()) { // -Xmx256m
      RawApi api = new RawApi(server.port, server.secretId, server.secretKey);
      byte[] body = ("{\"Limit\":\"1\",\"Padding\":\"" + "x".repeat(9_600_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      int parallel = 32;
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RawApi.Reply>> replies = new ArrayList<>();
      try {
        for (int i = 0; i < parallel; i++) {
          replies.add(pool.submit(() -> {
            go.await();
            return api.post("DescribeVpcs", RawApi.VPC, body).send();
          }));
        }
        go.countDown();
        Map<String, Integer> codes = new TreeMap<>();
        for (Future<RawApi.Reply> f : replies) {
          RawApi.Reply r = f.get(120, TimeUnit.SECONDS);
          JsonNode response = RawApi.envelope(r); // HTTP 200, JSON, RequestId: or the test fails here
          codes.merge(RawApi.code(response).isEmpty() ? "OK" : RawApi.code(response), 1, Integer::sum);
        }
        System.out.println("LargeBodiesTest answers: " + codes);
        assertThat(codes.keySet()).isSubsetOf("OK", "RequestLimitExceeded");
        assertThat(codes.get("OK")).isPositive();
      } finally {
        pool.shutdownNow();
      }
      JsonNode after = RawApi.envelope(api.post("DescribeVpcs", "{}").send());
      assertThat(RawApi.code(after)).isEmpty();
      assertThat(server.output()).doesNotContain("OutOfMemoryError");
    }
  }
}
