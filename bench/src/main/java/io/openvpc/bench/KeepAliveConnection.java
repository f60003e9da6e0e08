package io.openvpc.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept alive across requests, with as little client work as possible so that
 * the client (which shares the machine's cores with the server) measures the server, not itself.
 */
public final class KeepAliveConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  public KeepAliveConnection(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  /** Sends one request (head already formatted, ending in a blank line) and returns the reply body. */
  public String exchange(byte[] head, byte[] body) throws IOException {
    out.write(head);
    out.write(body);
    out.flush();
    int status = -1;
    int length = -1;
    boolean chunked = false;
    String line;
    while (!(line = readLine()).isEmpty()) {
      if (status < 0) {
        status = Integer.parseInt(line.substring(9, 12));
      } else {
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(line.substring(colon + 1).trim());
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = line.substring(colon + 1).trim().equalsIgnoreCase("chunked");
        }
      }
    }
    byte[] content = chunked ? readChunked() : in.readNBytes(length);
    if (status != 200) {
      throw new IOException("HTTP " + status + ": " + new String(content, StandardCharsets.UTF_8));
    }
    return new String(content, StandardCharsets.UTF_8);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
      if (size == 0) {
        readLine();
        return buf.toByteArray();
      }
      buf.write(in.readNBytes(size));
      readLine();
    }
  }

  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
