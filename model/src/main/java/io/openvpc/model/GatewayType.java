package io.openvpc.model;

/** The next-hop types of a route, in Tencent's vocabulary ({@code LOCAL} is the implicit VPC route). */
public enum GatewayType {
  LOCAL,
  CVM,
  NORMAL_CVM,
  HAVIP,
  VPN,
  DIRECTCONNECT,
  PEERCONNECTION,
  NAT,
  EIP,
  LOCAL_GATEWAY,
  INTRANAT,
  USER_CCN,
  CCN,
  GWLB_ENDPOINT
}
