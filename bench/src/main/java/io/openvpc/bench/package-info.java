/**
 * Load generators and benchmarks. {@link io.openvpc.bench.LoadGenerator} drives a running server with
 * real TC3-signed calls over keep-alive connections and reports calls per second and latency
 * percentiles; results go to docs/benchmarks.md. Depends on server (for the signer) and nothing
 * depends on it.
 */
package io.openvpc.bench;
