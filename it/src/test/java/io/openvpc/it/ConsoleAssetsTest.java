package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's page and assets share the API's root URL: a plain GET / is the page, GET /console/* its
 * modules, and anything with a query string, an Authorization header or a POST body is an API call.
 */
class ConsoleAssetsTest {
  static LiveServer live;
  static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @BeforeAll
  static void start() {
    live = LiveServer.start();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + live.port() + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void root_servesThePage_withALockedDownPolicy() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("default-src 'self'").contains("frame-ancestors 'none'");
  }

  @Test
  void modules_areServedAsJavaScript() throws Exception {
    HttpResponse<String> tc3 = get("/console/js/tc3.js");
    assertThat(tc3.statusCode()).isEqualTo(200);
    assertThat(tc3.headers().firstValue("Content-Type")).get().asString().contains("javascript");
    assertThat(tc3.body()).contains("TC3-HMAC-SHA256");
    assertThat(tc3.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(get("/console/js/missing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aQueryStringOrAuthorization_isAnApiCall_notThePage() throws Exception {
    HttpResponse<String> query = get("/?Action=DescribeRegions&Version=2017-03-12");
    assertThat(query.body()).startsWith("{\"Response\"").contains("\"Error\"");
    HttpResponse<String> signed = get("/", "Authorization", "TC3-HMAC-SHA256 Credential=x");
    assertThat(signed.body()).startsWith("{\"Response\"").contains("AuthFailure");
  }
}
