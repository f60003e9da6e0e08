package io.openvpc.server.auth;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The raw request as received: method, a header lookup (case-insensitive), raw query, and the body
 * bytes, read only when asked for ({@code bodyReader} returns the same bytes each time): a TC3 request
 * is checked for a known SecretId and a fresh timestamp before its body is read at all.
 */
public record Incoming(String method, Function<String, String> header, String rawQuery, Supplier<byte[]> bodyReader) {
  public String header(String name) {
    return header.apply(name);
  }

  public String query() {
    return rawQuery == null ? "" : rawQuery;
  }

  public byte[] body() {
    return bodyReader.get();
  }
}
