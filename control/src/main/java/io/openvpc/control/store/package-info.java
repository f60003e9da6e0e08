/**
 * The persistence SPI: a {@link io.openvpc.control.store.Store} keeps accounts and, per scope (account
 * and region), every resource with a revision counter whose row lock serialises writers, also across
 * servers sharing one database. Implementations: {@code store-jdbc}, and an in-memory one for tests.
 */
package io.openvpc.control.store;
