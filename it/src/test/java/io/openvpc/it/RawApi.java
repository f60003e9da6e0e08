package io.openvpc.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.Json;
import io.openvpc.server.auth.Tc3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-made API requests, for the cases no SDK produces: a body of any bytes, a stale timestamp, a
 * header left out. Signs with TC3 exactly as the SDKs do against {@code 127.0.0.1:PORT} (service
 * {@code 127}, host with the port).
 */
final class RawApi {
  static final String VPC = "2017-03-12";
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

    /**
     * Sends the request over a plain socket, byte for byte as built (a query with broken escapes
     * included, which java.net.URI refuses), and reads the reply to the end.
     */
    Reply send() {
      headers.putIfAbsent("X-TC-Timestamp", String.valueOf(timestamp));
      if (sign && !headers.containsKey("Authorization")) {
        headers.put("Authorization", Tc3.authorization(secretId, secretKey, "127", timestamp, method,
            method.equals("GET") ? query : "", headers.get("Content-Type"), host(), method.equals("GET") ? new byte[0] : body));
      }
      StringBuilder head = new StringBuilder();
      head.append(method).append(" /").append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(host()).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body.length > 0 || !method.equals("GET")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        try {
          out.write(body);
          out.flush();
        } catch (IOException e) {
          // the server may answer (and close) before it has read an oversized body
        }
        return Reply.parse(socket.getInputStream().readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sends and returns the {@code Response} object, after checking the envelope every reply must have. */
    JsonNode response() {
      return envelope(send());
    }
  }

  /** The {@code Response} of a reply that is HTTP 200, JSON, with a RequestId. */
  static JsonNode envelope(Reply r) {
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

  /** An HTTP reply as read off the socket. */
  record Reply(int statusCode, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static Reply parse(byte[] raw) {
      int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      if (split < 0) {
        throw new AssertionError("no HTTP reply: " + new String(raw, StandardCharsets.UTF_8));
      }
      String[] lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
      if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
        body = dechunk(body);
      }
      return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int pos = 0;
      while (pos < in.length) {
        int eol = indexOf(java.util.Arrays.copyOfRange(in, pos, in.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
        int size = Integer.parseInt(new String(in, pos, eol, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
        pos += eol + 2;
        if (size == 0) {
          break;
        }
        out.write(in, pos, size);
        pos += size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
