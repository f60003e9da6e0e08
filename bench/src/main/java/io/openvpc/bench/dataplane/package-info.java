/**
 * Data plane benchmarks (root only): time to realise N instances, change-to-in-force latency, and
 * iperf3 throughput with 10,000 security-group entries against none. Results go to
 * docs/benchmarks.md. Depends on dataplane, engine and model.
 */
package io.openvpc.bench.dataplane;
