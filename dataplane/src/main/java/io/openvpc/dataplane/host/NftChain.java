package io.openvpc.dataplane.host;

import java.util.List;

/**
 * A chain of table {@code inet ovpc}: {@code declaration} is empty for a regular chain (one that others
 * jump to) or the base-chain line ({@code type filter hook forward priority filter; policy drop;});
 * {@code rules} are its rules in order, in nftables syntax.
 */
public record NftChain(String name, String declaration, List<String> rules) {
  public NftChain {
    NftTable.checkName(name);
    declaration = declaration == null ? "" : declaration.strip();
    rules = List.copyOf(rules);
  }
}
