/**
 * Network ACLs: stateless subnet filters, three-tuple (protocol, port, peer block) or five-tuple
 * (source and destination block and port, protocol), their entries validated and stored normalised,
 * and their association with subnets (at most one ACL per subnet). Depends on model and
 * {@code io.openvpc.control}.
 */
package io.openvpc.control.acl;
