/**
 * The host state the data plane wants (and reads back): plain records of network namespaces, their
 * sysctls, links, addresses, routes, routing rules, nftables table (named sets, maps and chains) and
 * resolver file. Pure values with a stable {@code key()} per item and a {@code digest()} per namespace
 * and table, so desired and actual state can be diffed and recorded; no I/O. Depends on nothing but
 * the JDK.
 */
package io.openvpc.dataplane.host;
