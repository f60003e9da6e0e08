package io.openvpc.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 file as the server opens it: who can reach it, who can read its files and its secrets. */
class EmbeddedDatabaseTest {
  @TempDir
  Path tmp;

  @Test
  void autoServer_listensOnLoopbackOnly() throws Exception {
    Path dir = tmp.resolve("data");
    try (Database db = Database.open(null, dir)) {
      int port = autoServerPort(dir);
      List<String> listeners = listeners(port);
      assumeTrue(listeners != null, "no /proc/net/tcp here to read the listening sockets from");
      assertThat(listeners).as("sockets listening on the auto-server port %d", port).isNotEmpty()
          .allSatisfy(address -> assertThat(isLoopback(address)).as(address).isTrue());
      // and from an address of this host other than loopback, nobody answers
      for (InetAddress other : otherAddresses()) {
        try (Socket s = new Socket()) {
          assertThatThrownBy(() -> s.connect(new InetSocketAddress(other, port), 2000))
              .as("connect to %s:%d", other, port).isInstanceOf(ConnectException.class);
        }
      }
    }
  }

  @Test
  void dataDirectoryAndEveryFile_ownerOnly_H2sOwnFilesIncluded() throws Exception {
    Path dir = tmp.resolve("data");
    try (Database db = Database.open(null, dir)) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("SELEC 1"); // an error H2 would trace into openvpc.trace.db
      } catch (SQLException expected) {
        // the point is what it leaves behind
      }
      assertThat(mode(dir)).isEqualTo("rwx------");
      assertThat(Files.exists(dir.resolve("openvpc.lock.db"))).isTrue();
      assertThat(Files.exists(dir.resolve("openvpc.trace.db"))).as("H2 traces to the log, not a file").isFalse();
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
      }
    }
  }

  @Test
  void existingDataDirectoryOpenToOthers_isTightened() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("old"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("credentials"), "SecretId=x\n");
    Files.setPosixFilePermissions(dir.resolve("credentials"), PosixFilePermissions.fromString("rw-r--r--"));
    try (Database db = Database.open(null, dir)) {
      assertThat(mode(dir)).isEqualTo("rwx------");
      assertThat(mode(dir.resolve("credentials"))).isEqualTo("rw-------");
    }
  }

  @Test
  void secretKeys_sealedAtRest_readBackPlain() throws Exception {
    Path dir = tmp.resolve("data");
    String secretId = "AKIDseal" + UUID.randomUUID().toString().replace("-", "");
    try (JdbcStore store = new JdbcStore(Database.open(null, dir))) {
      createAccount(store, 1_250_000_777L, secretId, "PlainSecretKey0123456789");
      String[] row = rawKeyRow(store.database(), secretId);
      assertThat(row[0]).as("secret_key").isNull();
      assertThat(row[1]).as("sealed_key").startsWith("v1:").doesNotContain("PlainSecretKey");
      assertThat(store.accounts().findKey(secretId).orElseThrow().secretKey()).isEqualTo("PlainSecretKey0123456789");
    }
    assertThat(mode(dir.resolve(SecretSeal.DEFAULT_FILE))).isEqualTo("rw-------");
    try (JdbcStore again = new JdbcStore(Database.open(null, dir))) {
      assertThat(again.accounts().findKey(secretId).orElseThrow().secretKey()).isEqualTo("PlainSecretKey0123456789");
    }
  }

  @Test
  void plainSecretOfAnEarlierVersion_isSealedWhenFirstRead() throws Exception {
    Path dir = tmp.resolve("data");
    String secretId = "AKIDold" + UUID.randomUUID().toString().replace("-", "");
    long appId = 1_250_000_778L;
    try (JdbcStore store = new JdbcStore(Database.open(null, dir))) {
      createAccount(store, appId, secretId, "x");
      try (Connection c = store.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
          "UPDATE api_key SET secret_key = 'OldPlainSecret', sealed_key = NULL WHERE secret_id = ?")) {
        ps.setString(1, secretId);
        ps.executeUpdate();
      }
      assertThat(store.accounts().findKey(secretId).orElseThrow().secretKey()).isEqualTo("OldPlainSecret");
      String[] row = rawKeyRow(store.database(), secretId);
      assertThat(row[0]).isNull();
      assertThat(row[1]).startsWith("v1:");
      assertThat(store.accounts().keys(appId)).extracting(ApiKey::secretKey).containsExactly("OldPlainSecret");
    }
  }

  @Test
  void anotherSecretsKey_failsSayingWhich() throws Exception {
    Path dir = tmp.resolve("data");
    String secretId = "AKIDother" + UUID.randomUUID().toString().replace("-", "");
    try (JdbcStore store = new JdbcStore(Database.open(null, dir))) {
      createAccount(store, 1_250_000_779L, secretId, "s");
    }
    Path otherKey = tmp.resolve("elsewhere/secrets.key");
    try (JdbcStore store = new JdbcStore(Database.openWithSecretsKey(null, dir, otherKey))) {
      assertThat(mode(otherKey)).isEqualTo("rw-------");
      assertThatThrownBy(() -> store.accounts().findKey(secretId)).hasMessageContaining("sealed with the secrets key")
          .hasMessageContaining(otherKey.toString());
    }
  }

  @Test
  void alteredSealedSecret_isRefused() {
    SecretSeal seal = SecretSeal.ephemeral();
    String sealed = seal.seal("AKIDa", "secret");
    assertThat(seal.open("AKIDa", sealed)).isEqualTo("secret");
    assertThatThrownBy(() -> seal.open("AKIDb", sealed)).hasMessageContaining("altered or belongs to another row");
  }

  @Test
  void secretsKeyFile_createdOnceByConcurrentOpeners() throws Exception {
    Path file = tmp.resolve("keys/secrets.key");
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> ids.add(SecretSeal.fromFile(file).id()));
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(ids).hasSize(8).containsOnly(ids.get(0));
    assertThat(mode(file)).isEqualTo("rw-------");
    try (var left = Files.list(file.getParent())) {
      assertThat(left.toList()).containsExactly(file);
    }
  }

  private static void createAccount(JdbcStore store, long appId, String secretId, String secretKey) {
    store.accounts().create(new Account(appId, "u" + appId, "test", Instant.now()),
        new ApiKey(secretId, secretKey, appId, Instant.now()));
  }

  private static String[] rawKeyRow(Database db, String secretId) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT secret_key, sealed_key FROM api_key WHERE secret_id = ?")) {
      ps.setString(1, secretId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The port that H2's lock file names for the auto-server ({@code server=host:port}). */
  private static int autoServerPort(Path dir) throws IOException {
    Properties lock = new Properties();
    lock.load(new StringReader(Files.readString(dir.resolve("openvpc.lock.db"))));
    String server = lock.getProperty("server");
    assertThat(server).as("the lock file names the auto-server").isNotNull();
    return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
  }

  /** The local addresses (hex, as /proc/net shows them) of the sockets listening on a port, or null without /proc. */
  private static List<String> listeners(int port) throws IOException {
    List<String> out = new ArrayList<>();
    boolean any = false;
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      any = true;
      for (String line : Files.readAllLines(p)) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[3].equals("0A") && f[1].contains(":")) {
          String[] local = f[1].split(":");
          if (Integer.parseInt(local[1], 16) == port) {
            out.add(local[0].toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return any ? out : null;
  }

  /** 127.x in /proc/net/tcp, ::1 or ::ffff:127.x in tcp6 (little-endian words, as the kernel prints them). */
  private static boolean isLoopback(String hex) {
    if (hex.length() == 8) {
      return hex.endsWith("7F");
    }
    return hex.equals("00000000000000000000000001000000")
        || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
  }

  private static List<InetAddress> otherAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }
}
