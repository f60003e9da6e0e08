/**
 * The Tencent Cloud API 3.0 surface: the {@link io.openvpc.api.Dispatcher} (parameter validation from
 * the schema, typed binding, errors as Tencent returns them), the action registry, and one handler
 * class per resource family that maps generated request types to control-plane calls and model
 * records back to generated response types. No HTTP here: the server module carries the bytes.
 */
package io.openvpc.api;
