package io.openvpc.model;

import java.time.Instant;

/**
 * The record of an asynchronous-looking call: Tencent answers some writes with a task ID (the request
 * ID) that {@code DescribeVpcTaskResult} reports on. OpenVPC completes work inside the call, so a task
 * is created already finished.
 */
public record Task(String id, String action, String status, String output, Instant createdTime) implements Resource {}
