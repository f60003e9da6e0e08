/**
 * Route tables, their routes and next-hop validation; local routes are derived from the VPC's blocks.
 * Route requests become a {@link io.openvpc.control.RuleEdit} in {@code RouteRequests}; every refusal
 * is in {@code RouteErrors}.
 * Depends on model, the control core, {@code control.subnet} and {@code control.vpc}.
 */
package io.openvpc.control.route;
