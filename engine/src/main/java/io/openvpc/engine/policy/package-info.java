/**
 * The one decision model of security groups and network ACLs: a packet ({@link Packet}), the match
 * form of one rule ({@link PolicyRule}: source and destination {@link AddressMatch}, a list of
 * {@link ServiceMatch}), ordered first-match {@link RuleList}s with their default, and the expansion of
 * address and service templates. The compilers that turn Tencent's records into rules are in
 * {@code io.openvpc.engine.security}.
 * The concrete evaluator lives on the rules themselves; the symbolic interpreter of the same form is in
 * {@code io.openvpc.engine.symbolic}. Depends on model only.
 */
package io.openvpc.engine.policy;
