package io.openvpc.model;

import java.time.Instant;

/**
 * The record of an asynchronous-looking call: Tencent answers some calls with a task ID (the request
 * ID) that {@code DescribeVpcTaskResult} reports on. OpenVPC completes work inside the call, so a task
 * is created already finished. {@code output} holds the IDs of the resources the call changed or
 * reported on, comma-separated; {@code detail} what a reporting call found (the text
 * DescribeVpcTaskResult answers as {@code Output}), {@code null} in records written before it existed.
 */
public record Task(String id, String action, String status, String output, Instant createdTime, String detail)
    implements Resource {}
