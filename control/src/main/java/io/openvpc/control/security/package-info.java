/**
 * Security groups: the groups themselves, the editing of their ordered rule lists (insertion at
 * PolicyIndex, replacement, deletion by index or content, whole-set modification guarded by Version),
 * their binding to ENIs and instances, and snapshot policies that back them up and roll them back.
 * Every rule is validated and normalised here, once, before it is stored: a request becomes
 * {@code PolicyEdit}s in {@code PolicyRequests}, and the refusals of rule editing and snapshot policies
 * are in {@code SecurityErrors}. Depends on model and on
 * {@code io.openvpc.control} (Ledger, Validate, Quotas) and {@code io.openvpc.control.template}.
 */
package io.openvpc.control.security;
