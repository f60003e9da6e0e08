package io.openvpc.control.route;

/**
 * One route as a caller writes it: IPv4 ({@code destination}) or IPv6 ({@code ipv6Destination})
 * destination, next-hop type and next hop; {@code routeId}/{@code routeItemId} name an existing route
 * where an action edits or deletes one. Unset members are null.
 */
public record RouteSpec(
    String destination, String ipv6Destination, String gatewayType, String gatewayId, String description,
    Long routeId, String routeItemId) {}
