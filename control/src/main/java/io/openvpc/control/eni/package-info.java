/**
 * Elastic network interfaces and their private IPv4 and IPv6 addresses. Depends on model, the control
 * core, {@code control.address}, {@code control.subnet}, {@code control.instance} (the catalogue) and
 * {@code control.task}.
 */
package io.openvpc.control.eni;
