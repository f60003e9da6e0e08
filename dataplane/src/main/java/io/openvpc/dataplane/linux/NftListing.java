package io.openvpc.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.dataplane.host.NftTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code nft -j list table inet ovpc} says, reduced to what the driver compares: whether the table
 * is there, the digest its marker set holds (the table last applied), and a fingerprint of its content
 * in a canonical form (parts by kind and name, elements sorted, handles and counters dropped), so that
 * two listings of equal content have equal fingerprints whatever order the kernel prints them in.
 */
record NftListing(boolean present, String marker, String canonical) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final NftListing ABSENT = new NftListing(false, "", "");

  /** A digest of the canonical form; "" when there is no table. */
  String fingerprint() {
    return present ? NftTable.digest(canonical) : "";
  }

  static NftListing parse(String json) {
    if (json == null || json.isBlank()) {
      return ABSENT;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nft's JSON listing", e);
    }
    boolean present = false;
    String marker = "";
    Map<String, String> parts = new TreeMap<>();
    Map<String, List<String>> rules = new TreeMap<>();
    for (JsonNode item : root.path("nftables")) {
      if (item.has("table")) {
        present = true;
        continue;
      }
      for (String kind : List.of("set", "map", "chain", "rule")) {
        JsonNode n = item.get(kind);
        if (n == null) {
          continue;
        }
        ObjectNode o = n.deepCopy();
        strip(o);
        if (kind.equals("rule")) {
          rules.computeIfAbsent(o.path("chain").asText(), k -> new ArrayList<>()).add(o.toString());
          continue;
        }
        String elems = "";
        if (o.has("elem")) {
          List<String> sorted = new ArrayList<>();
          o.get("elem").forEach(e -> sorted.add(e.toString()));
          sorted.sort(null);
          elems = String.join(",", sorted);
          if (kind.equals("set") && o.path("name").asText().equals(NftTable.MARKER)) {
            marker = markerOf(o.get("elem"));
          }
          o.remove("elem");
        }
        parts.put(kind + " " + o.path("name").asText(), o + (elems.isEmpty() ? "" : " elem [" + elems + "]"));
      }
    }
    StringBuilder sb = new StringBuilder();
    parts.forEach((k, v) -> {
      sb.append(k).append(' ').append(v).append('\n');
      if (k.startsWith("chain ")) {
        for (String r : rules.getOrDefault(k.substring(6), List.of())) {
          sb.append("  ").append(r).append('\n');
        }
      }
    });
    return new NftListing(present, marker, sb.toString());
  }

  private static String markerOf(JsonNode elems) {
    for (JsonNode e : elems) {
      JsonNode c = e.path("elem").path("comment");
      if (c.isTextual()) {
        return c.asText();
      }
    }
    return "";
  }

  /** Drops what differs between equal contents: handles, and counters' running totals. */
  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove("handle");
      o.remove("packets");
      o.remove("bytes");
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        strip(it.next());
      }
    } else if (n instanceof ArrayNode a) {
      a.forEach(NftListing::strip);
    }
  }
}
