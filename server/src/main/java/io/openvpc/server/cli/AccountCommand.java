package io.openvpc.server.cli;

import io.openvpc.control.Account;
import io.openvpc.control.Accounts;
import io.openvpc.control.ApiKey;
import io.openvpc.store.jdbc.JdbcStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openvpc account create|list|keys}: manages tenants directly in the store. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts and their API keys.",
    subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class, AccountCommand.Keys.class})
public final class AccountCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Use: openvpc account create | list | keys <AppId>");
  }

  static <T> T withAccounts(StoreOptions options, java.util.function.Function<Accounts, T> work) {
    try (JdbcStore store = new JdbcStore(options.open())) {
      return work.apply(new Accounts(store.accounts(), Clock.systemUTC()));
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an account with a new key.")
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Output output;
    @Option(names = "--name", defaultValue = "account", description = "A name for people.") String name;
    @Option(names = "--secret-id", description = "Use this SecretId instead of a generated one.") String secretId;
    @Option(names = "--secret-key", description = "Use this SecretKey instead of a generated one.") String secretKey;

    @Override
    public Integer call() {
      if ((secretId == null) != (secretKey == null)) {
        System.err.println("--secret-id and --secret-key go together");
        return 2;
      }
      ApiKey key = withAccounts(store, a -> a.create(name, secretId, secretKey));
      output.print(List.of("AppId", "SecretId", "SecretKey"),
          List.of(List.of(String.valueOf(key.appId()), key.secretId(), key.secretKey())));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Output output;

    @Override
    public Integer call() {
      List<Account> accounts = withAccounts(store, Accounts::list);
      List<List<String>> rows = new ArrayList<>();
      for (Account a : accounts) {
        rows.add(List.of(String.valueOf(a.appId()), a.ownerUin(), a.name(), a.createdTime().toString()));
      }
      output.print(List.of("AppId", "OwnerUin", "Name", "CreatedTime"), rows);
      return 0;
    }
  }

  @Command(name = "keys", mixinStandardHelpOptions = true, description = "List an account's keys, or add one with --new.")
  static final class Keys implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Output output;
    @Parameters(index = "0", description = "The account's AppId.") long appId;
    @Option(names = "--new", description = "Add a generated key first.") boolean add;

    @Override
    public Integer call() {
      List<ApiKey> keys = withAccounts(store, a -> {
        if (a.find(appId).isEmpty()) {
          return null;
        }
        if (add) {
          a.addKey(appId);
        }
        return a.keys(appId);
      });
      if (keys == null) {
        System.err.println("no account with AppId " + appId);
        return 1;
      }
      List<List<String>> rows = new ArrayList<>();
      for (ApiKey k : keys) {
        rows.add(List.of(k.secretId(), k.secretKey(), k.createdTime().toString()));
      }
      output.print(List.of("SecretId", "SecretKey", "CreatedTime"), rows);
      return 0;
    }
  }

}
