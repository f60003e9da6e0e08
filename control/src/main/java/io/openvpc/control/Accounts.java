package io.openvpc.control;

import io.openvpc.control.store.AccountStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts and their keys: creation with generated or given keys, and the SecretId lookup that every
 * signed call makes (cached, since keys are never changed in place).
 */
public final class Accounts {
  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final AccountStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, ApiKey> keyCache = new ConcurrentHashMap<>();

  public Accounts(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Creates an account with the given key, or a generated one when {@code secretId} is null. */
  public ApiKey create(String name, String secretId, String secretKey) {
    String id = secretId != null ? secretId : generateSecretId();
    String secret = secretKey != null ? secretKey : generateSecretKey();
    for (int attempt = 1; ; attempt++) {
      long appId = nextAppId();
      Account account = new Account(appId, String.valueOf(100000000000L + appId), name, clock.instant());
      ApiKey key = new ApiKey(id, secret, appId, clock.instant());
      try {
        store.create(account, key);
        return key;
      } catch (RuntimeException e) {
        // Another process (a second server, `openvpc account create`) took the same next AppId between
        // our look and our insert: look again. Anything else (the SecretId exists) is the caller's.
        if (attempt == 5 || store.find(appId).isEmpty()) {
          throw e;
        }
      }
    }
  }

  /** Adds a generated key to an account. */
  public ApiKey addKey(long appId) {
    if (store.find(appId).isEmpty()) {
      throw new IllegalArgumentException("no account with AppId " + appId);
    }
    ApiKey key = new ApiKey(generateSecretId(), generateSecretKey(), appId, clock.instant());
    store.addKey(key);
    return key;
  }

  public Optional<ApiKey> key(String secretId) {
    ApiKey cached = keyCache.get(secretId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ApiKey> key = store.findKey(secretId);
    key.ifPresent(k -> keyCache.put(secretId, k));
    return key;
  }

  public Optional<Account> find(long appId) {
    return store.find(appId);
  }

  public List<Account> list() {
    return store.list();
  }

  public List<ApiKey> keys(long appId) {
    return store.keys(appId);
  }

  private long nextAppId() {
    long max = store.list().stream().mapToLong(Account::appId).max().orElse(1250000000L);
    return max + 1;
  }

  private String generateSecretId() {
    return "AKID" + randomString(32);
  }

  private String generateSecretKey() {
    return randomString(32);
  }

  private String randomString(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }
}
