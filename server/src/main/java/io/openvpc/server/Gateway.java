package io.openvpc.server;

import io.javalin.http.Context;
import io.openvpc.api.Dispatcher;
import io.openvpc.api.Json;
import io.openvpc.model.Rejection;
import io.openvpc.server.auth.Authenticated;
import io.openvpc.server.auth.Authenticator;
import io.openvpc.server.auth.Incoming;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the API: authenticates the raw request, reading its body (at most 10 MB, within the
 * server's {@link InflightBytes} budget) only once the Authorization header has passed its checks,
 * dispatches it and writes Tencent's envelope, always with HTTP 200, whatever fails on the way (an
 * Error too), and logs one line per call.
 */
final class Gateway {
  /** Tencent's limit for a TC3-signed POST body. */
  static final int MAX_BODY = 10 * 1024 * 1024;
  /** Tencent accepts GET requests up to 32 KB; Jetty reads headers (the request line included) up to this. */
  static final int MAX_QUERY = 32 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  /** The Node SDK sends a UUID; an echo is bounded well below Jetty's 8 KB of response headers. */
  static final int MAX_TRACE_ID = 256;
  private static final Logger LOG = LoggerFactory.getLogger("io.openvpc.calls");

  private final Authenticator authenticator;
  private final Dispatcher dispatcher;
  private final InflightBytes inflight;

  Gateway(Authenticator authenticator, Dispatcher dispatcher, InflightBytes inflight) {
    this.authenticator = authenticator;
    this.dispatcher = dispatcher;
    this.inflight = inflight;
  }

  void handle(Context ctx) {
    long start = System.nanoTime();
    String requestId = requestId();
    String language = ctx.header("X-TC-Language");
    String traceId = ctx.header("X-TC-TraceId");
    if (traceId != null && traceId.length() <= MAX_TRACE_ID) {
      ctx.header("X-TC-TraceId", traceId); // Node reads it back; a longer one would overflow the reply's headers
    }
    Dispatcher.Reply reply;
    String action = ctx.header("X-TC-Action");
    String region = ctx.header("X-TC-Region");
    long appId = 0;
    try (RequestBody body = new RequestBody(ctx.req(), inflight)) {
      try {
        if (ctx.queryString() != null && ctx.queryString().length() > MAX_QUERY) {
          throw new Rejection("RequestSizeLimitExceeded", "The query string exceeds 32 KB; send large requests with "
              + "POST.", "GET 请求的参数超过 32 KB，请使用 POST。");
        }
        Incoming in = new Incoming(ctx.method().name(), ctx::header, ctx.queryString(), body::bytes);
        Authenticated auth = authenticator.authenticate(in);
        action = auth.action();
        region = auth.region();
        appId = auth.appId();
        reply = dispatcher.dispatch(new Dispatcher.Request(requestId, auth.appId(), auth.version(), auth.action(),
            auth.region(), auth.language(), auth.params()));
      } catch (Rejection e) {
        reply = Dispatcher.error(requestId, e, language);
      } catch (RuntimeException | Error e) {
        // an Error as well (memory running out for this request): the caller gets an envelope, not an empty 500
        LOG.error("request {} failed before dispatch", requestId, e);
        reply = Dispatcher.internalError(requestId, language);
      }
    }
    write(ctx, reply, requestId, language);
    if (LOG.isInfoEnabled()) {
      LOG.info("action={} appId={} region={} code={} latencyMs={} requestId={}", action, appId, region,
          reply.code(), millis(System.nanoTime() - start), requestId);
    }
  }

  /** The reply as Tencent's envelope, or, if even encoding it fails, a fixed InternalError envelope. */
  private static void write(Context ctx, Dispatcher.Reply reply, String requestId, String language) {
    ctx.status(200).contentType("application/json");
    try {
      ctx.result(Json.MAPPER.writeValueAsBytes(reply.envelope()));
    } catch (Exception | Error e) {
      LOG.error("request {}: the reply could not be encoded", requestId, e);
      ctx.result(fallbackEnvelope(requestId, language));
    }
  }

  /** InternalError written by hand, for when nothing else can be: no mapper, no allocation beyond the string. */
  static byte[] fallbackEnvelope(String requestId, String language) {
    String message = "zh-CN".equalsIgnoreCase(language)
        ? "服务内部错误，请求 " + requestId + " 的详情见服务器日志。"
        : "An internal error occurred; request " + requestId + " identifies it in the server log.";
    return ("{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"" + message + "\"},\"RequestId\":\""
        + requestId + "\"}}").getBytes(StandardCharsets.UTF_8);
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

  void unsupportedMethod(Context ctx) {
    String requestId = requestId();
    String method = ctx.method().name();
    Dispatcher.Reply reply = Dispatcher.error(requestId, new Rejection("UnsupportedProtocol", "HTTP method " + method
        + " is not supported; use POST or GET.", "不支持 HTTP 方法 " + method + "，请使用 POST 或 GET。"),
        ctx.header("X-TC-Language"));
    write(ctx, reply, requestId, ctx.header("X-TC-Language"));
  }

  /** A path that serves nothing: 404 still, with an envelope that says where the API is. */
  static void notFound(Context ctx) {
    String path = ctx.path().length() > 64 ? ctx.path().substring(0, 64) + "..." : ctx.path();
    refuse(ctx, ctx.statusCode(), new Rejection("InvalidRequest", "Nothing is served at " + path + ": the API answers "
        + "POST and GET at /, the console is at /.", "路径 " + path + " 不提供任何服务：接口位于 /（POST 或 GET），控制台位于 /。"));
  }

  /** Anything that escaped a handler of this server, answered as Tencent would: 200 and InternalError. */
  static void unexpected(Throwable e, Context ctx) {
    if (e instanceof io.javalin.http.HttpResponseException refusal) { // Javalin's own 4xx: keep the status
      int status = refusal.getStatus();
      refuse(ctx, status, new Rejection("InvalidRequest", "The HTTP request cannot be served (" + status + ").",
          "无法处理该 HTTP 请求（" + status + "）。"));
      return;
    }
    String requestId = requestId();
    LOG.error("request {} ({} {}) failed", requestId, ctx.method(), ctx.path(), e);
    write(ctx, Dispatcher.internalError(requestId, ctx.header("X-TC-Language")), requestId, ctx.header("X-TC-Language"));
  }

  /** An envelope under an HTTP status other than 200, for what is not an API call. */
  private static void refuse(Context ctx, int status, Rejection why) {
    String requestId = requestId();
    String language = ctx.header("X-TC-Language");
    write(ctx, Dispatcher.error(requestId, why, language), requestId, language);
    ctx.status(status);
  }
}
