/**
 * Benchmarks and load generators that drive an OpenVPC server through the official SDK and report
 * throughput and latency; results and the commands that produce them are in docs/benchmarks.md.
 * Depends on server (to start one in process) and the Tencent Cloud Java SDK.
 */
package io.openvpc.bench;
