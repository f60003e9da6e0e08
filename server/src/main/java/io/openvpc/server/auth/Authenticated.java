package io.openvpc.server.auth;

import com.fasterxml.jackson.databind.JsonNode;

/** A request whose signature checked out: the account, the routing headers and the parameters. */
public record Authenticated(
    long appId, String secretId, String action, String version, String region, String language, JsonNode params) {}
