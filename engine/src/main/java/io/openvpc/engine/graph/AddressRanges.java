package io.openvpc.engine.graph;

import inet.ipaddr.IPAddress;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.util.ArrayList;
import java.util.List;

/** Parses one address template member: an address, a CIDR block, or a range {@code a-b}, as blocks. */
final class AddressRanges {
  private AddressRanges() {}

  static List<Cidr> parse(String text) {
    List<Cidr> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String t = text.trim();
    try {
      int dash = t.indexOf('-');
      if (dash > 0) {
        IPAddress lo = IpAddr.parse(t.substring(0, dash)).address();
        IPAddress hi = IpAddr.parse(t.substring(dash + 1)).address();
        for (IPAddress block : lo.spanWithPrefixBlocks(hi)) {
          out.add(new Cidr(block));
        }
      } else {
        out.add(Cidr.parseLenient(t));
      }
    } catch (RuntimeException e) {
      // control validates members on write; an unparsable stored member contributes nothing
    }
    return out;
  }
}
