/**
 * The compilers of the VPC's own building blocks, and the attributes their nodes carry for renderers:
 * VPCs (router nodes), subnets (routing nodes with their ACL on the edges to the router), route tables
 * (routes with resolved next hops), ENIs (endpoint nodes with their security groups on their edges) and
 * HAVIPs (addresses an ENI announces). Depends on model, {@code engine.compile}, {@code engine.graph},
 * {@code engine.policy} and {@code engine.security}.
 */
package io.openvpc.engine.vpc;
