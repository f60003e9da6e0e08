/** Task records of calls Tencent runs asynchronously, for DescribeVpcTaskResult. Depends on model and the control core. */
package io.openvpc.control.task;
