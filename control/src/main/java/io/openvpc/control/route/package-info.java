/**
 * Route tables, their routes and next-hop validation; local routes are derived from the VPC's blocks.
 * Depends on model, the control core, {@code control.subnet} and {@code control.vpc}.
 */
package io.openvpc.control.route;
