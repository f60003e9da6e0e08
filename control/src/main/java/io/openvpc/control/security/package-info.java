/**
 * Security groups: the groups themselves, the editing of their ordered rule lists (insertion at
 * PolicyIndex, replacement, deletion by index or content, whole-set modification guarded by Version),
 * their binding to ENIs and instances, and snapshot policies that back them up and roll them back.
 * Every rule is validated and normalised here, once, before it is stored. Depends on model and on
 * {@code io.openvpc.control} (Ledger, Validate, Quotas) and {@code io.openvpc.control.template}.
 */
package io.openvpc.control.security;
