package io.openvpc.server.auth;

import io.openvpc.model.Rejection;

/** The AuthFailure.* rejections, with their messages in English and Chinese. */
final class AuthFailure {
  private AuthFailure() {}

  static Rejection invalidAuthorization(String why, String whyZh) {
    return new Rejection("AuthFailure.InvalidAuthorization", "The Authorization header is invalid: " + why,
        "请求头部的 Authorization 不符合腾讯云标准：" + whyZh);
  }

  static Rejection secretIdNotFound(String secretId) {
    return new Rejection("AuthFailure.SecretIdNotFound",
        "The SecretId `" + Authenticator.shown(secretId) + "` does not exist; `openvpc account keys` lists the keys.",
        "密钥 `" + Authenticator.shown(secretId) + "` 不存在。");
  }

  static Rejection signatureFailure(String why, String whyZh) {
    return new Rejection("AuthFailure.SignatureFailure", "The request signature does not match: " + why,
        "请求签名验证失败：" + whyZh);
  }

  static Rejection expired(long timestamp, long now) {
    return new Rejection("AuthFailure.SignatureExpire", "The request timestamp " + timestamp
        + " and the server time " + now + " differ by more than 300 seconds.",
        "签名过期。Timestamp 和服务器时间相差不得超过五分钟。");
  }
}
