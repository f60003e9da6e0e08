package io.openvpc.model;

/** A resource of one account in one region, identified by its Tencent-style ID ({@code vpc-2ln96dly}). */
public interface Resource {
  String id();
}
