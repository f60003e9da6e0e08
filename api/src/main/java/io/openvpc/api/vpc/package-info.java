/**
 * Handler families of the vpc product (2017-03-12): thin mappings from generated request types to the
 * control services and from model records to generated response types. Depends on api, api-types and
 * control.
 */
package io.openvpc.api.vpc;
