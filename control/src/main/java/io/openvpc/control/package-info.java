/**
 * The control plane: one service per resource family (validation exactly as Tencent validates,
 * invariants, quotas, ID allocation, dependency checks), the regions catalogue, accounts, and the
 * {@link io.openvpc.control.store.Store} interface with the cached, revisioned view of each scope
 * ({@link io.openvpc.control.Ledger}). Depends on model and engine; knows nothing of HTTP, JSON or SQL.
 */
package io.openvpc.control;
