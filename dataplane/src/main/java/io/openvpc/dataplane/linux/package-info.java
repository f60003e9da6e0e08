/**
 * The Linux driver: the only place that runs {@code ip}, {@code nft} and {@code sysctl}. Reads the
 * host back ({@code ip -j}, {@code nft list}), applies changes in batches ({@code ip -batch}, one
 * atomic {@code nft -f} per ruleset) and reconciles desired against actual state. Touches only
 * namespaces named {@code ovpc-...} that it created (marked under {@code /run/openvpc/netns}), never the
 * root namespace. Depends on the host records and Jackson (for {@code ip -j}).
 */
package io.openvpc.dataplane.linux;
