/**
 * The compilers of security groups, network ACLs and address templates: rule segments that filters
 * name, and named address sets. Depends on model, {@code engine.compile}, {@code engine.graph} and
 * {@code engine.policy}.
 */
package io.openvpc.engine.security;
