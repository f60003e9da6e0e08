/**
 * Network ACLs: stateless subnet filters, three-tuple (protocol, port, peer block) or five-tuple
 * (source and destination block and port, protocol), their entries validated and stored normalised,
 * and their association with subnets (at most one ACL per subnet). Entry requests become a
 * {@link io.openvpc.control.RuleEdit} in {@code AclRequests}; every refusal is in {@code AclErrors}.
 * Depends on model and
 * {@code io.openvpc.control}.
 */
package io.openvpc.control.acl;
