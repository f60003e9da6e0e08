package io.openvpc.control.store;

import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import java.util.List;
import java.util.Optional;

/** Accounts and their API keys. */
public interface AccountStore {
  void create(Account account, ApiKey firstKey);

  void addKey(ApiKey key);

  Optional<ApiKey> findKey(String secretId);

  Optional<Account> find(long appId);

  List<Account> list();

  List<ApiKey> keys(long appId);
}
