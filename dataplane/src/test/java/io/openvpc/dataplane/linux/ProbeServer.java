package io.openvpc.dataplane.linux;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny server run inside an instance namespace by the differential test: it accepts TCP connections
 * and receives UDP datagrams on the given ports, IPv4 and IPv6 alike (dual-stack sockets), printing
 * {@code udp <payload>} for every datagram. It does no name lookups.
 * Usage: {@code ProbeServer tcp:22,80 udp:53}
 */
public final class ProbeServer {
  private ProbeServer() {}

  public static void main(String[] args) throws IOException {
    InetAddress any = InetAddress.getByAddress(new byte[16]);
    for (String a : args) {
      String[] kv = a.split(":", 2);
      for (String p : kv[1].split(",")) {
        int port = Integer.parseInt(p);
        if (kv[0].equals("tcp")) {
          ServerSocket s = new ServerSocket();
          s.setReuseAddress(true);
          s.bind(new InetSocketAddress(any, port), 256);
          Thread t = new Thread(() -> accept(s));
          t.start();
        } else {
          DatagramSocket s = new DatagramSocket(new InetSocketAddress(any, port));
          Thread t = new Thread(() -> receive(s));
          t.start();
        }
      }
    }
    System.out.println("ready");
    System.out.flush();
  }

  private static void accept(ServerSocket s) {
    while (true) {
      try {
        Socket c = s.accept();
        c.close();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void receive(DatagramSocket s) {
    byte[] buf = new byte[512];
    while (true) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        String token = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).strip();
        synchronized (System.out) {
          System.out.println("udp " + token);
          System.out.flush();
        }
      } catch (IOException e) {
        return;
      }
    }
  }
}
