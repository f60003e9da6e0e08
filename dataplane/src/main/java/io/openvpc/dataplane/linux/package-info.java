/**
 * The Linux driver: the only place that touches the kernel. It creates, reads back and changes
 * namespaces in-process (threads that {@code setns(2)} into them; netlink for links, addresses, routes
 * and rules; libnftables for tables, one transaction per change, by {@link
 * io.openvpc.dataplane.linux.NftDelta}), and reconciles desired against actual state, healing what a
 * crash left half made. Touches only namespaces named {@code ovpc-...} that it created (marked under
 * {@code /run/openvpc/netns}), never the root namespace. Depends on the host records, JNA and Jackson
 * (for nft's JSON listing).
 */
package io.openvpc.dataplane.linux;
