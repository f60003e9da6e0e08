package io.openvpc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.store.AccountStore;
import io.openvpc.control.store.InMemoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {
  /** An account store where another process creates an account just before our first insert. */
  static final class Racing implements AccountStore {
    final AccountStore inner = new InMemoryStore().accounts();
    boolean raced;

    @Override
    public void create(Account account, ApiKey firstKey) {
      if (!raced) {
        raced = true;
        inner.create(new Account(account.appId(), account.ownerUin(), "other", account.createdTime()),
            new ApiKey("AKIDother", "s", account.appId(), account.createdTime()));
      }
      inner.create(account, firstKey);
    }

    @Override
    public void addKey(ApiKey key) {
      inner.addKey(key);
    }

    @Override
    public Optional<ApiKey> findKey(String secretId) {
      return inner.findKey(secretId);
    }

    @Override
    public Optional<Account> find(long appId) {
      return inner.find(appId);
    }

    @Override
    public List<Account> list() {
      return inner.list();
    }

    @Override
    public List<ApiKey> keys(long appId) {
      return inner.keys(appId);
    }
  }

  @Test
  void create_appIdTakenMeanwhile_takesTheNextOne() {
    Racing store = new Racing();
    ApiKey key = new Accounts(store, Clock.systemUTC()).create("mine", "AKIDmine", "secret");
    assertThat(key.appId()).isEqualTo(1250000002L);
    assertThat(store.find(1250000001L).orElseThrow().name()).isEqualTo("other");
    assertThat(store.find(1250000002L).orElseThrow().name()).isEqualTo("mine");
  }

  @Test
  void create_secretIdExists_fails() {
    Accounts accounts = new Accounts(new InMemoryStore().accounts(), Clock.systemUTC());
    accounts.create("one", "AKIDsame", "a");
    assertThatThrownBy(() -> accounts.create("two", "AKIDsame", "b")).isInstanceOf(RuntimeException.class);
    assertThat(accounts.list()).extracting(Account::name).containsExactly("one");
  }
}
