package io.openvpc.server;

import io.javalin.http.Context;
import io.openvpc.api.Dispatcher;
import io.openvpc.api.Json;
import io.openvpc.model.Rejection;
import io.openvpc.server.auth.Authenticated;
import io.openvpc.server.auth.Authenticator;
import io.openvpc.server.auth.Incoming;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the API: reads the raw request (at most 10 MB), authenticates it, dispatches it
 * and writes Tencent's envelope, always with HTTP 200, and logs one line per call.
 */
final class Gateway {
  static final int MAX_BODY = 10 * 1024 * 1024;
  /** Tencent accepts GET requests up to 32 KB; Jetty reads headers (the request line included) up to this. */
  static final int MAX_QUERY = 32 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger("io.openvpc.calls");

  private final Authenticator authenticator;
  private final Dispatcher dispatcher;

  Gateway(Authenticator authenticator, Dispatcher dispatcher) {
    this.authenticator = authenticator;
    this.dispatcher = dispatcher;
  }

  void handle(Context ctx) {
    long start = System.nanoTime();
    String requestId = requestId();
    String traceId = ctx.header("X-TC-TraceId");
    if (traceId != null) {
      ctx.header("X-TC-TraceId", traceId);
    }
    Dispatcher.Reply reply;
    String action = ctx.header("X-TC-Action");
    String region = ctx.header("X-TC-Region");
    long appId = 0;
    try {
      byte[] body = readBody(ctx);
      if (ctx.queryString() != null && ctx.queryString().length() > MAX_QUERY) {
        throw new Rejection("RequestSizeLimitExceeded", "The query string exceeds 32 KB; send large requests with POST.",
            "GET 请求的参数超过 32 KB，请使用 POST。");
      }
      Incoming in = new Incoming(ctx.method().name(), ctx::header, ctx.queryString(), body);
      Authenticated auth = authenticator.authenticate(in);
      action = auth.action();
      region = auth.region();
      appId = auth.appId();
      reply = dispatcher.dispatch(new Dispatcher.Request(requestId, auth.appId(), auth.version(), auth.action(),
          auth.region(), auth.language(), auth.params()));
    } catch (Rejection e) {
      boolean zh = "zh-CN".equalsIgnoreCase(ctx.header("X-TC-Language"));
      reply = Dispatcher.error(requestId, e.code(), zh ? e.messageZh() : e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("request {} failed before dispatch", requestId, e);
      reply = Dispatcher.error(requestId, "InternalError",
          "An internal error occurred; request " + requestId + " identifies it in the server log.");
    }
    ctx.status(200).contentType("application/json");
    try {
      ctx.result(Json.MAPPER.writeValueAsBytes(reply.envelope()));
    } catch (IOException e) {
      ctx.result("{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"response encoding failed\"},"
          + "\"RequestId\":\"" + requestId + "\"}}");
    }
    if (LOG.isInfoEnabled()) {
      LOG.info("action={} appId={} region={} code={} latencyMs={} requestId={}", action, appId, region,
          reply.code(), millis(System.nanoTime() - start), requestId);
    }
  }

  /**
   * A random (version 4) UUID for the RequestId. It identifies a call in the log and needs no secrecy,
   * so it comes from ThreadLocalRandom rather than the SecureRandom of UUID.randomUUID, which every
   * request thread would otherwise queue on.
   */
  static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }

  /** Nanoseconds as milliseconds with two decimals, without the cost of String.format on every call. */
  static String millis(long nanos) {
    long hundredths = Math.max(0, nanos) / 10_000;
    long fraction = hundredths % 100;
    return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
  }

  private static byte[] readBody(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new Rejection("InvalidRequest", "The request body could not be read: " + e.getMessage(), "无法读取请求体。");
    }
  }

  private static Rejection tooLarge() {
    return new Rejection("RequestSizeLimitExceeded", "The request body exceeds 10 MB.", "请求包超过 10 MB。");
  }

  void unsupportedMethod(Context ctx) {
    String requestId = requestId();
    Dispatcher.Reply reply = Dispatcher.error(requestId, "UnsupportedProtocol",
        "HTTP method " + ctx.method().name() + " is not supported; use POST or GET.");
    ctx.status(200).contentType("application/json").json(reply.envelope());
  }
}
