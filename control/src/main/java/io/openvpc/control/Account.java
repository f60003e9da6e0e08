package io.openvpc.control;

import java.time.Instant;

/** A tenant: Tencent identifies it by AppId and by the owner's UIN. */
public record Account(long appId, String ownerUin, String name, Instant createdTime) {}
