package io.openvpc.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL database of the tests, shared with other tests: never drop or truncate anything. */
public final class TestPostgres {
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static String failure;
  private static Boolean reachable;

  private TestPostgres() {}

  public static String url() {
    String url = System.getenv("OPENVPC_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  public static synchronized boolean reachable() {
    if (reachable == null) {
      DriverManager.setLoginTimeout(5);
      try (Connection c = DriverManager.getConnection(url())) {
        reachable = c.isValid(5);
      } catch (SQLException e) {
        failure = e.getMessage();
        reachable = false;
      }
    }
    return reachable;
  }

  public static String unreachableMessage() {
    return "PostgreSQL at " + url() + " is unreachable (" + failure + "); set OPENVPC_TEST_POSTGRES_URL or start it"
        + " (.ci/run does)";
  }
}
