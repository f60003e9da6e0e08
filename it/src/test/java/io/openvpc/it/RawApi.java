package io.openvpc.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.Json;
import io.openvpc.server.auth.Tc3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-made API requests, for the cases no SDK produces: a body of any bytes, a stale timestamp, a
 * header left out. Signs with TC3 exactly as the SDKs do against {@code 127.0.0.1:PORT} (service
 * {@code 127}, host with the port).
 */
final class RawApi {
  static final String VPC = "2017-03-12";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String secretId;
  private final String secretKey;

  RawApi(int port, String secretId, String secretKey) {
    this.port = port;
    this.secretId = secretId;
    this.secretKey = secretKey;
  }

  static RawApi of(LiveServer live) {
    return new RawApi(live.port(), live.secretId, live.secretKey);
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  /** A signed POST request under construction; {@link Call#headers} lets a test change anything. */
  Call post(String action, String version, byte[] body) {
    return new Call("POST", action, version, "", body);
  }

  Call post(String action, String json) {
    return post(action, VPC, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A signed GET request with a raw query string. */
  Call get(String action, String version, String query) {
    return new Call("GET", action, version, query, new byte[0]);
  }

  final class Call {
    final String method;
    final String query;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();
    long timestamp = System.currentTimeMillis() / 1000;
    boolean sign = true;

    Call(String method, String action, String version, String query, byte[] body) {
      this.method = method;
      this.query = query;
      this.body = body;
      headers.put("Content-Type", method.equals("GET") ? "application/x-www-form-urlencoded" : "application/json");
      if (action != null) {
        headers.put("X-TC-Action", action);
      }
      if (version != null) {
        headers.put("X-TC-Version", version);
      }
      headers.put("X-TC-Region", LiveServer.REGION);
    }

    Call header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    Call timestamp(long t) {
      timestamp = t;
      return this;
    }

    Call unsigned() {
      sign = false;
      return this;
    }

    HttpResponse<String> send() {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host() + "/" + (query.isEmpty() ? "" : "?" + query)))
          .timeout(Duration.ofSeconds(30))
          .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.putIfAbsent("X-TC-Timestamp", String.valueOf(timestamp));
      if (sign && !headers.containsKey("Authorization")) {
        headers.put("Authorization", Tc3.authorization(secretId, secretKey, "127", timestamp, method,
            method.equals("GET") ? query : "", headers.get("Content-Type"), host(), method.equals("GET") ? new byte[0] : body));
      }
      headers.forEach(b::header);
      try {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Sends and returns the {@code Response} object, after checking the envelope every reply must have. */
    JsonNode response() {
      return envelope(send());
    }
  }

  /** The {@code Response} of a reply that is HTTP 200, JSON, with a RequestId. */
  static JsonNode envelope(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body());
    }
    JsonNode response = root.get("Response");
    if (response == null || !response.isObject() || !response.path("RequestId").isTextual()
        || response.path("RequestId").asText().isEmpty()) {
      throw new AssertionError("not a Tencent envelope: " + r.body());
    }
    return response;
  }

  static String code(JsonNode response) {
    return response.path("Error").path("Code").asText("");
  }

  static String message(JsonNode response) {
    return response.path("Error").path("Message").asText("");
  }
}
