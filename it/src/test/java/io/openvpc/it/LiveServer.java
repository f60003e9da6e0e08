package io.openvpc.it;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * An OpenVPC server started in this JVM for a test class, on a free port, with its own account. The
 * database is the embedded H2 file in a fresh directory, or PostgreSQL when
 * {@code OPENVPC_IT_DATABASE_URL} is set.
 */
public final class LiveServer implements AutoCloseable {
  public static final String REGION = "ap-guangzhou";
  private final OpenVpcServer server;
  public final String secretId;
  public final String secretKey;

  private LiveServer(Map<String, Long> quotas) {
    this(quotas, System.getenv("OPENVPC_IT_DATABASE_URL"), "AKIDit" + UUID.randomUUID().toString().replace("-", ""),
        UUID.randomUUID().toString().replace("-", ""));
  }

  private LiveServer(Map<String, Long> quotas, String databaseUrl, String secretId, String secretKey) {
    this(quotas, databaseUrl, secretId, secretKey, false);
  }

  private LiveServer(Map<String, Long> quotas, String databaseUrl, String secretId, String secretKey,
      boolean linuxDataplane) {
    try {
      Path dir = Files.createTempDirectory("openvpc-it");
      this.secretId = secretId;
      this.secretKey = secretKey;
      server = OpenVpcServer.start(ServerConfig.forTests(dir, databaseUrl)
          .withQuotas(quotas).withBootstrapKey(secretId, secretKey).withLinuxDataplane(linuxDataplane));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LiveServer start() {
    return new LiveServer(Map.of());
  }

  /** A server that realises its instances as network namespaces (needs root; see DataplaneSdkTest). */
  public static LiveServer startWithLinuxDataplane() {
    return new LiveServer(Map.of(), System.getenv("OPENVPC_IT_DATABASE_URL"),
        "AKIDit" + UUID.randomUUID().toString().replace("-", ""), UUID.randomUUID().toString().replace("-", ""), true);
  }

  public static LiveServer start(Map<String, Long> quotas) {
    return new LiveServer(quotas);
  }

  /**
   * A server on the given database whose bootstrap key is {@code secretId}/{@code secretKey}: two such
   * servers on one PostgreSQL database serve the same account, as a cluster of OpenVPC servers does.
   */
  public static LiveServer start(String databaseUrl, String secretId, String secretKey) {
    return new LiveServer(Map.of(), databaseUrl, secretId, secretKey);
  }

  public OpenVpcServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  /** The endpoint as an SDK user writes it: {@code 127.0.0.1:PORT} or {@code localhost:PORT}. */
  public String endpoint(boolean localhost) {
    return (localhost ? "localhost:" : "127.0.0.1:") + port();
  }

  public ClientProfile profile(String endpoint, String method, String signMethod) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(endpoint);
    http.setProtocol(HttpProfile.REQ_HTTP);
    http.setReqMethod(method);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    if (signMethod != null) {
      profile.setSignMethod(signMethod);
    }
    return profile;
  }

  public Credential credential() {
    return new Credential(secretId, secretKey);
  }

  public VpcClient vpc() {
    return new VpcClient(credential(), REGION, profile(endpoint(false), "POST", null));
  }

  public VpcClient vpc(String endpoint, String method, String signMethod) {
    return new VpcClient(credential(), REGION, profile(endpoint, method, signMethod));
  }

  public CvmClient cvm() {
    return new CvmClient(credential(), REGION, profile(endpoint(false), "POST", null));
  }

  @Override
  public void close() {
    server.close();
  }
}
