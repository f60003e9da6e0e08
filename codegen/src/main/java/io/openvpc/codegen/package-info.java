/**
 * Build-time tools: {@link io.openvpc.codegen.SchemaRefresh} derives the compact API schema committed
 * in {@code api-types/src/main/schema} from Tencent's published API descriptions, and
 * {@link io.openvpc.codegen.TypesGenerator} turns that schema into Java request/response types and
 * action tables. Depends on Jackson only; nothing at run time depends on this module.
 */
package io.openvpc.codegen;
