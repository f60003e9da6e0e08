package io.openvpc.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Json;
import io.openvpc.server.auth.Tc3;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a client command reaches a running server: the endpoint, the region, and the key (from
 * {@code OPENVPC_SECRET_ID}/{@code OPENVPC_SECRET_KEY}, else the data directory's {@code credentials}
 * file). Calls are TC3-signed exactly as the SDKs sign them.
 */
public final class ClientOptions {
  static final String VERSION = "2017-03-12";

  @Option(names = "--endpoint", description = "Server host:port (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_ENDPOINT:-127.0.0.1:4650}")
  String endpoint;

  @Option(names = "--region", description = "Region (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_REGION:-ap-guangzhou}")
  String region;

  @Option(names = "--data-dir", description = "Where the credentials file is (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_DATA_DIR:-${sys:user.home}/.openvpc}")
  Path dataDir;

  /** A refusal by the server, or a failure to reach it. */
  static final class CallFailed extends RuntimeException {
    CallFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** Calls an action and returns its {@code Response} object; a Tencent error becomes {@link CallFailed}. */
  JsonNode call(String action, ObjectNode params) {
    String[] key = key();
    byte[] body = params.toString().getBytes(StandardCharsets.UTF_8);
    long now = System.currentTimeMillis() / 1000;
    String contentType = "application/json; charset=utf-8";
    String service = endpoint.split("\\.")[0];
    String auth = Tc3.authorization(key[0], key[1], service, now, "POST", "", contentType, endpoint, body);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + endpoint + "/"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType)
        .header("Authorization", auth)
        .header("X-TC-Action", action)
        .header("X-TC-Version", VERSION)
        .header("X-TC-Timestamp", Long.toString(now))
        .header("X-TC-Region", region)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode response = Json.MAPPER.readTree(r.body()).path("Response");
      if (response.has("Error")) {
        throw new CallFailed(response.path("Error").path("Code").asText() + ": "
            + response.path("Error").path("Message").asText());
      }
      return response;
    } catch (IOException e) {
      throw new CallFailed("cannot reach OpenVPC at " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailed("interrupted");
    }
  }

  private String[] key() {
    String id = System.getenv("OPENVPC_SECRET_ID");
    String secret = System.getenv("OPENVPC_SECRET_KEY");
    if (id != null && secret != null) {
      return new String[] {id, secret};
    }
    Path file = dataDir.resolve("credentials");
    try {
      Properties p = new Properties();
      p.load(Files.newBufferedReader(file, StandardCharsets.UTF_8));
      if (p.getProperty("SecretId") != null && p.getProperty("SecretKey") != null) {
        return new String[] {p.getProperty("SecretId"), p.getProperty("SecretKey")};
      }
    } catch (IOException e) {
      // fall through to the message below
    }
    throw new CallFailed("no credentials: set OPENVPC_SECRET_ID and OPENVPC_SECRET_KEY, or give --data-dir with a "
        + "credentials file (" + file + ")");
  }

  /** Puts an endpoint given as {@code ins-...}, {@code eni-...} or {@code [vpc-.../]address} into a request. */
  static ObjectNode endpoint(String text, String vpc) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    if (text.startsWith("ins-")) {
      o.put("InstanceId", text);
    } else if (text.startsWith("eni-")) {
      o.put("NetworkInterfaceId", text);
    } else {
      int slash = text.indexOf('/');
      if (text.startsWith("vpc-") && slash > 0) {
        o.put("VpcId", text.substring(0, slash));
        o.put("IpAddress", text.substring(slash + 1));
      } else {
        if (vpc == null) {
          throw new CallFailed("`" + text + "` is an address: write it as vpc-xxxxxxxx/" + text + " or give --vpc");
        }
        o.put("VpcId", vpc);
        o.put("IpAddress", text);
      }
    }
    return o;
  }
}
