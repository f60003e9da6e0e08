package io.openvpc.dataplane.host;

import java.util.List;

/**
 * A named set or map of table {@code inet ovpc}. {@code declaration} is what goes inside its braces
 * apart from the elements, as nftables statements each ending in {@code ;}: {@code type ipv4_addr .
 * inet_proto . inet_service; flags interval;} for a set, {@code type ifname : verdict;} for a verdict
 * map (a type with {@code " : "} makes it a map). {@code elements} are in nftables syntax ({@code
 * 10.0.0.0/8 . 6 . 80}, {@code "ovpc-x" : jump sg-1}); their order does not matter.
 */
public record NftSet(String name, String declaration, List<String> elements) {
  public NftSet {
    NftTable.checkName(name);
    declaration = declaration.strip();
    elements = List.copyOf(elements);
  }

  /** Whether this is a map ({@code type KEY : VALUE}) rather than a set. */
  public boolean map() {
    int type = declaration.indexOf("type ");
    int end = declaration.indexOf(';', Math.max(type, 0));
    return type >= 0 && declaration.substring(type, end < 0 ? declaration.length() : end).contains(" : ");
  }

  /**
   * Whether a change of its elements is made by flushing it and adding them all again, rather than one
   * by one: the kernel merges the elements of interval sets (so deleting one as it was added may fail),
   * and an element's comment cannot be changed in place.
   */
  public boolean refilledWhole() {
    return declaration.contains("interval") || declaration.contains(" . ")
        || elements.stream().anyMatch(e -> e.contains(" comment "));
  }

  /** The part of an element that identifies it: the key of a map element, the whole element of a set. */
  public String key(String element) {
    int colon = element.indexOf(" : ");
    return map() && colon >= 0 ? element.substring(0, colon) : element;
  }

  /** {@code set} or {@code map}, as nftables statements name it. */
  public String keyword() {
    return map() ? "map" : "set";
  }
}
