package io.openvpc.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it cannot even parse (headers over {@link Gateway#MAX_HEADER_BYTES}, a
 * broken request line): Jetty keeps its 4xx status there, but the body is a Tencent envelope rather
 * than an HTML page, so an SDK shows a code and a message.
 */
final class BadMessageEnvelope extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String code = status == 413 || status == 414 || status == 431 ? "RequestSizeLimitExceeded" : "InvalidRequest";
    String message = status == 414 || status == 431
        ? "The request line or headers exceed " + Gateway.MAX_HEADER_BYTES / 1024 + " KB."
        : "The HTTP request is malformed (" + status + ").";
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    String body = "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},\"RequestId\":\""
        + Gateway.requestId() + "\"}}";
    return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
  }
}
