/**
 * CVM instances for their networking, and the catalogue of instance types and images. Depends on
 * model, the control core, {@code control.address} and {@code control.eni}.
 */
package io.openvpc.control.instance;
