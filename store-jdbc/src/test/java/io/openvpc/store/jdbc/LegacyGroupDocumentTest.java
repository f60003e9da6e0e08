package io.openvpc.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.ResourceTypes;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A security group stored before rules moved to splice rows (its rules inside its document, no
 * splices) reads back whole, and the first writes after the upgrade, whether they change its rules or
 * only its name, keep every rule.
 */
class LegacyGroupDocumentTest {
  @TempDir
  Path dataDir;

  private static SecurityGroupPolicy rule(int n) {
    return new SecurityGroupPolicy("TCP", String.valueOf(1000 + n), "", "", "10.1.0." + n, "", "", "", "", "ACCEPT", "",
        Instant.ofEpochMilli(1_780_000_000_000L + n));
  }

  private static SecurityGroup group(String id, String name, long version, List<SecurityGroupPolicy> in) {
    return new SecurityGroup(id, name, "", "0", false, version, in, List.of(rule(99)), List.of(),
        Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void legacyDocument_readsBackAndSurvivesItsFirstWrites(String database) throws Exception {
    Database db;
    if (database.equals("postgres")) {
      Assumptions.assumeTrue(TestPostgres.reachable(), TestPostgres::unreachableMessage);
      db = Database.open(TestPostgres.url(), null, null);
    } else {
      db = Database.open(null, dataDir);
    }
    JdbcStore store = new JdbcStore(db);
    try {
      Scope scope = new Scope(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L), "ap-guangzhou");
      store.write(scope, tx -> null); // the scope's row
      String id = "sg-" + UUID.randomUUID().toString().substring(0, 8);
      SecurityGroup legacy = group(id, "old", 3, List.of(rule(1), rule(2), rule(3)));
      try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
          "INSERT INTO resource (id, app_id, region, kind, body) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setLong(2, scope.appId());
        ps.setString(3, scope.region());
        ps.setString(4, ResourceTypes.kind(SecurityGroup.class));
        ps.setString(5, new ResourceCodec().encode(legacy)); // rules and all, as version 1 stored it
        ps.executeUpdate();
      }
      assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(legacy);

      SecurityGroup renamed = group(id, "renamed", 3, legacy.ingress());
      store.write(scope, tx -> {
        tx.put(renamed, legacy);
        return null;
      });
      assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(renamed);

      List<SecurityGroupPolicy> in = new ArrayList<>(renamed.ingress());
      in.add(1, rule(4));
      SecurityGroup grown = group(id, "renamed", 4, in);
      store.write(scope, tx -> {
        tx.put(grown, renamed);
        return null;
      });
      assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(grown);
    } finally {
      store.close();
    }
  }
}
