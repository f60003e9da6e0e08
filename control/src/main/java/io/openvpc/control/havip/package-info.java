/**
 * HAVIPs and which ENI announces each. Depends on model, the control core, {@code control.address},
 * {@code control.eni}, {@code control.instance}, {@code control.route}, {@code control.subnet},
 * {@code control.task} and {@code control.vpc}.
 */
package io.openvpc.control.havip;
