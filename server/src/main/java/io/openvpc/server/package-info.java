/**
 * The OpenVPC process: configuration, wiring, the HTTP gateway (Javalin) with Tencent's signatures,
 * the console's assets, and the {@code openvpc} command line (picocli). Depends on every other
 * runtime module; nothing depends on it but the tests and benchmarks.
 */
package io.openvpc.server;
