package io.openvpc.dataplane.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The nftables table {@code inet ovpc} of a namespace, as named parts: sets and maps, and chains. A
 * table with no parts is no table at all ({@link #EMPTY}). Parts refer to each other by name ({@code
 * @set} in a rule, {@code jump chain} in a rule or a verdict map's element), so the driver can change
 * only the parts that differ ({@code NftDelta}). The set {@value #MARKER} is the driver's own (it holds
 * the digest of the table last applied) and no other part may take its name.
 */
public record NftTable(List<NftSet> sets, List<NftChain> chains) {
  // First: the constants below are built with it.
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,255}");
  /** Family and name of the one table OpenVPC manages in a namespace. */
  public static final String TABLE = "inet ovpc";
  /** The name of the driver's set that records which table was applied last. */
  public static final String MARKER = "openvpc";
  /** No table. */
  public static final NftTable EMPTY = new NftTable(List.of(), List.of());
  /**
   * A table that exists but whose content is not known (read back from a host that changed behind the
   * driver's back, or applied by an earlier run whose content was not kept): the driver replaces it.
   */
  public static final NftTable UNKNOWN = new NftTable(List.of(),
      List.of(new NftChain("openvpc-unknown", "# content not known", List.of())));

  public NftTable {
    sets = List.copyOf(sets);
    chains = List.copyOf(chains);
    Set<String> seen = new HashSet<>();
    for (NftSet s : sets) {
      if (!seen.add(s.name())) {
        throw new IllegalArgumentException("nftables set " + s.name() + " twice");
      }
    }
    for (NftChain c : chains) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("nftables name " + c.name() + " used twice");
      }
    }
  }

  static void checkName(String name) {
    if (!NAME.matcher(name).matches() || name.equals(MARKER)) {
      throw new IllegalArgumentException("not a valid nftables part name: " + name);
    }
  }

  public boolean isEmpty() {
    return sets.isEmpty() && chains.isEmpty();
  }

  /** Whether this is {@link #UNKNOWN}. */
  public boolean unknown() {
    return this == UNKNOWN || equals(UNKNOWN);
  }

  public Optional<NftSet> set(String name) {
    return sets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<NftChain> chain(String name) {
    return chains.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The whole table as {@code nft -f} reads it ("" for {@link #EMPTY}): sets and maps first, then
   * chains, each in the order given (a map's element may jump to a chain declared after it, as nft
   * resolves names over the whole file).
   */
  public String text() {
    return text("");
  }

  /** The table's text with {@code extraSets} (whole set blocks, such as the marker) ahead of its parts. */
  public String text(String extraSets) {
    if (isEmpty() && extraSets.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("table ").append(TABLE).append(" {\n").append(extraSets);
    for (NftSet s : sets) {
      sb.append("  ").append(s.keyword()).append(' ').append(s.name()).append(" {\n    ").append(s.declaration())
          .append('\n');
      if (!s.elements().isEmpty()) {
        sb.append("    elements = { ").append(String.join(",\n      ", s.elements())).append(" }\n");
      }
      sb.append("  }\n");
    }
    for (NftChain c : chains) {
      sb.append("  chain ").append(c.name()).append(" {\n");
      if (!c.declaration().isEmpty()) {
        sb.append("    ").append(c.declaration()).append('\n');
      }
      for (String r : c.rules()) {
        sb.append("    ").append(r).append('\n');
      }
      sb.append("  }\n");
    }
    return sb.append("}\n").toString();
  }

  /** A digest of the content (20 hex digits): equal tables have equal digests. */
  public String digest() {
    return digest(text());
  }

  /** The 20-hex-digit SHA-256 prefix OpenVPC names content by. */
  public static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the parts a rule or an element refers to ({@code @name}, {@code jump name}, {@code goto name}). */
  public static List<String> references(String text) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

  private static final Pattern REFERENCE =
      Pattern.compile("@([A-Za-z][A-Za-z0-9_.-]*)|\\b(?:jump|goto)\\s+([A-Za-z][A-Za-z0-9_.-]*)");
}
