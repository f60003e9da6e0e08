package io.openvpc.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers, in Tencent's envelope rather than an HTML page that names Java's exceptions:
 * to a request it cannot even parse (headers over {@link Gateway#MAX_HEADER_BYTES}, a broken request
 * line; Jetty keeps its 4xx status there), and to anything that escaped the application (an Error
 * thrown where no handler of OpenVPC could catch it), which an API call gets as HTTP 200 with
 * {@code InternalError}, as from any other failure.
 */
final class ErrorEnvelope extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String code = status == 413 || status == 414 || status == 431 ? "RequestSizeLimitExceeded" : "InvalidRequest";
    String message = status == 414 || status == 431
        ? "The request line or headers exceed " + Gateway.MAX_HEADER_BYTES / 1024 + " KB."
        : "The HTTP request is malformed (" + status + ").";
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(envelope(code, message, Gateway.requestId()));
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    String requestId = Gateway.requestId();
    byte[] body;
    if (code >= 500) {
      if ("/".equals(request.getRequestURI())) {
        response.setStatus(200); // an API call: the SDKs read errors from 200 replies only
      }
      body = Gateway.fallbackEnvelope(requestId, request.getHeader("X-TC-Language"));
    } else {
      body = envelope("InvalidRequest", "The HTTP request cannot be served (" + code + ").", requestId);
    }
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
  }

  private static byte[] envelope(String code, String message, String requestId) {
    return ("{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},\"RequestId\":\""
        + requestId + "\"}}").getBytes(StandardCharsets.UTF_8);
  }
}
