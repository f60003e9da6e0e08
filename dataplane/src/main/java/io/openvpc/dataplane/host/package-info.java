/**
 * The host state the data plane wants (and reads back): plain records of network namespaces, their
 * links, addresses, routes, routing rules, nftables ruleset and resolver file. Pure values with a
 * stable {@code key()} per item so desired and actual state can be diffed; no I/O. Depends on nothing
 * but the JDK.
 */
package io.openvpc.dataplane.host;
