package io.openvpc.server;

import io.openvpc.model.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * The body of one API request: read once, when authentication first needs it, within Tencent's 10 MB
 * and the server's {@link InflightBytes} budget, into one array of the declared size. Closing it gives
 * the budget back and, when the body was refused or never needed, reads the rest of it to nowhere, so
 * that the caller, still sending, receives the answer instead of a reset connection.
 */
final class RequestBody implements AutoCloseable {
  private static final int STEP = 64 * 1024;
  private final HttpServletRequest request;
  private final InflightBytes inflight;
  private byte[] bytes;
  private long held;
  private boolean consumed;

  RequestBody(HttpServletRequest request, InflightBytes inflight) {
    this.request = request;
    this.inflight = inflight;
  }

  byte[] bytes() {
    if (bytes == null) {
      bytes = read();
    }
    return bytes;
  }

  private byte[] read() {
    long declared = request.getContentLengthLong();
    if (declared > Gateway.MAX_BODY) {
      consumed = true; // too much to drain: Jetty closes the connection after the answer
      throw tooLarge();
    }
    if (declared == 0) {
      consumed = true;
      return new byte[0];
    }
    try {
      InputStream in = request.getInputStream();
      if (declared > 0) {
        taken(inflight.take(declared));
        byte[] b = new byte[(int) declared];
        int n = in.readNBytes(b, 0, b.length);
        consumed = true;
        if (n < b.length) {
          throw incomplete(null);
        }
        return b;
      }
      // no Content-Length (chunked): grow in steps, each admitted before it is read once the body is
      // past the size that is always admitted; a step counts twice, for the copies a growing buffer makes
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] step = new byte[STEP];
      while (true) {
        if (out.size() + STEP > InflightBytes.ALWAYS_ADMITTED) {
          taken(inflight.takeCounted(2L * STEP));
        }
        int n = in.readNBytes(step, 0, STEP);
        out.write(step, 0, n);
        if (out.size() > Gateway.MAX_BODY) {
          throw tooLarge();
        }
        if (n < STEP) {
          consumed = true;
          return out.toByteArray();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Rejection r) {
        throw r;
      }
      consumed = true;
      throw incomplete(e);
    }
  }

  /** Records what the budget gave, or refuses the body when it had no room (-1). */
  private void taken(long got) {
    if (got < 0) {
      long mb = inflight.budget() / (1024 * 1024);
      throw new Rejection("RequestLimitExceeded", "The server is already receiving as many request bodies as it can "
          + "hold at once (" + mb + " MB); retry this request in a moment.",
          "服务器同时接收的请求数据已达上限（" + mb + " MB），请稍后重试。");
    }
    held += got;
  }

  static Rejection tooLarge() {
    return new Rejection("RequestSizeLimitExceeded", "The request body exceeds 10 MB.", "请求包超过 10 MB。");
  }

  /** A body that ended early or stalled; the cause (an idle timeout, a reset) stays in the server, not the message. */
  static Rejection incomplete(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException) {
        return new Rejection("InvalidRequest", "The request body stopped arriving before it was complete, and the "
            + "connection timed out.", "请求体未完整送达，连接已超时。");
      }
    }
    return new Rejection("InvalidRequest", "The request body ended before its declared length, or could not be read.",
        "请求体在声明的长度之前中断，或无法读取。");
  }

  @Override
  public void close() {
    inflight.give(held);
    held = 0;
    bytes = null;
    if (!consumed) {
      drain();
    }
  }

  /** Reads what is left of a body nobody needed, at most 10 MB, keeping none of it. */
  private void drain() {
    long declared = request.getContentLengthLong();
    if (declared == 0 || declared > Gateway.MAX_BODY) {
      return;
    }
    try {
      InputStream in = request.getInputStream();
      byte[] sink = new byte[8192];
      long left = Gateway.MAX_BODY + 1L;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the caller went away or stalled: nothing left to answer
    }
  }
}
