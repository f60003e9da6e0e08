/**
 * The control plane: one service per resource family (validation exactly as Tencent validates,
 * invariants, quotas, ID allocation, dependency checks), the regions catalogue, accounts, and the
 * {@link io.openvpc.control.store.Store} interface with the cached, revisioned view of each scope
 * ({@link io.openvpc.control.Ledger}). Shared by the families: {@link io.openvpc.control.Listing}, the
 * selection of every Describe action, and {@link io.openvpc.control.RuleEdit}, the one edit of an
 * ordered rule list. Depends on model and engine; knows nothing of HTTP, JSON or SQL.
 */
package io.openvpc.control;
