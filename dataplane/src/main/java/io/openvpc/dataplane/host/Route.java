package io.openvpc.dataplane.host;

/**
 * A route the data plane owns (installed with protocol {@link #PROTOCOL}, so that kernel routes are
 * never mistaken for ours): {@code destination} in CIDR form ({@code 0.0.0.0/0} for the default),
 * {@code type} unicast or blackhole, an optional gateway {@code via} and the output {@code device}.
 */
public record Route(int table, String destination, String type, String via, String device) {
  /** The routing protocol number OpenVPC marks its routes with (see /etc/iproute2/rt_protos). */
  public static final int PROTOCOL = 77;
  public static final int MAIN = 254;

  public Route {
    via = via == null ? "" : via;
    device = device == null ? "" : device;
  }

  public static Route link(int table, String destination, String device) {
    return new Route(table, destination, "unicast", "", device);
  }

  public static Route via(int table, String destination, String via, String device) {
    return new Route(table, destination, "unicast", via, device);
  }

  public static Route blackhole(int table, String destination) {
    return new Route(table, destination, "blackhole", "", "");
  }

  public boolean ipv6() {
    return destination.contains(":");
  }

  public String key() {
    return table + " " + type + " " + destination + (via.isEmpty() ? "" : " via " + via)
        + (device.isEmpty() ? "" : " dev " + device);
  }
}
