package io.openvpc.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything an OpenVPC server is started with. {@code secretsKeyFile} holds the key that seals API
 * secrets in the store (null: {@code secrets.key} in the data directory).
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String databaseUrl,
    Path regionsFile,
    Map<String, Long> quotas,
    String bootstrapSecretId,
    String bootstrapSecretKey,
    boolean linuxDataplane,
    Path secretsKeyFile) {

  public static ServerConfig forTests(Path dataDir, String databaseUrl) {
    return new ServerConfig("127.0.0.1", 0, dataDir, databaseUrl, null, Map.of(), null, null, false, null);
  }

  public ServerConfig withBootstrapKey(String secretId, String secretKey) {
    return new ServerConfig(host, port, dataDir, databaseUrl, regionsFile, quotas, secretId, secretKey, linuxDataplane,
        secretsKeyFile);
  }

  public ServerConfig withLinuxDataplane(boolean on) {
    return new ServerConfig(host, port, dataDir, databaseUrl, regionsFile, quotas, bootstrapSecretId,
        bootstrapSecretKey, on, secretsKeyFile);
  }

  public ServerConfig withQuotas(Map<String, Long> q) {
    return new ServerConfig(host, port, dataDir, databaseUrl, regionsFile, q, bootstrapSecretId, bootstrapSecretKey,
        linuxDataplane, secretsKeyFile);
  }
}
