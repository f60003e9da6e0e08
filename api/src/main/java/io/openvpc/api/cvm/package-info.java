/**
 * Handler families of the cvm product (2017-03-12): regions and zones, and instances for their
 * networking. Depends on api, api-types and control.
 */
package io.openvpc.api.cvm;
