/**
 * Parameter templates: IP address templates and groups ({@code ipm-}, {@code ipmg-}) and protocol-port
 * templates and groups ({@code ppm-}, {@code ppmg-}) that security group rules name as peers and
 * services, with their members validated and stored in canonical form. Depends on model and
 * {@code io.openvpc.control}.
 */
package io.openvpc.control.template;
