/**
 * VPCs and their address blocks (primary, secondary, IPv6). Depends on model and the control core.
 */
package io.openvpc.control.vpc;
