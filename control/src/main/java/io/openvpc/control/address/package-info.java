/**
 * Private address management shared by every service that hands out addresses (ENIs, instances,
 * HAVIPs): what is taken in a subnet, the lowest free address, and the database claims that keep an
 * address unique. Depends on model and the control core only.
 */
package io.openvpc.control.address;
