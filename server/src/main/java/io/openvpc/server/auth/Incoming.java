package io.openvpc.server.auth;

import java.util.function.Function;

/** The raw request as received: method, a header lookup (case-insensitive), raw query and body bytes. */
public record Incoming(String method, Function<String, String> header, String rawQuery, byte[] body) {
  public String header(String name) {
    return header.apply(name);
  }

  public String query() {
    return rawQuery == null ? "" : rawQuery;
  }
}
