/**
 * The durable {@link io.openvpc.control.store.Store}: plain JDBC over HikariCP, schema by Flyway,
 * embedded H2 (the default, a file in the data directory) or PostgreSQL. Resources are JSON documents
 * keyed by ID; a per-scope revision row is the write lock. API secrets are sealed under a key kept
 * outside the database ({@link io.openvpc.store.jdbc.SecretSeal}), and the data directory is for its
 * owner only ({@link io.openvpc.store.jdbc.PrivateFiles}). Depends on control (for the SPI) and model.
 */
package io.openvpc.store.jdbc;
