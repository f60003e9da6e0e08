package io.openvpc.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.openvpc.api.Api;
import io.openvpc.api.Dispatcher;
import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import io.openvpc.control.ControlPlane;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.model.Scope;
import io.openvpc.server.auth.Authenticator;
import io.openvpc.store.jdbc.Database;
import io.openvpc.store.jdbc.JdbcStore;
import io.openvpc.store.jdbc.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running OpenVPC: store, control plane, API gateway and console on one HTTP port. */
public final class OpenVpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenVpcServer.class);
  /**
   * The owner mark of the namespaces a server's data plane creates: {@code server <data directory>},
   * so a restart on the same data converges what it left, and servers on other data leave it alone.
   */
  public static String dataplaneOwner(Path dataDir) {
    return "server " + dataDir.toAbsolutePath().normalize();
  }

  /**
   * Headers of the console's page and assets: the console talks only to this origin's API (the signed
   * POST /), loads nothing from elsewhere and cannot be framed; assets are revalidated on each load.
   */
  private static final Map<String, String> CONSOLE_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
          + "base-uri 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-cache");

  private final ServerConfig config;
  private final JdbcStore store;
  private final ControlPlane control;
  private final Dispatcher dispatcher;
  private final Javalin http;
  private final ApiKey bootstrapKey;
  private final SnapshotScheduler snapshots;
  private final LinuxDataplane dataplane;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OpenVpcServer(ServerConfig config) {
    this.config = config;
    this.store = new JdbcStore(Database.openWithSecretsKey(config.databaseUrl(), config.dataDir(),
        config.secretsKeyFile()));
    Regions regions = config.regionsFile() != null ? Regions.fromFile(config.regionsFile()) : Regions.bundled();
    this.control = new ControlPlane(store, regions, new Quotas(config.quotas()), Clock.systemUTC());
    this.bootstrapKey = bootstrap();
    this.dispatcher = Api.dispatcher(control);
    this.snapshots = new SnapshotScheduler(control, Clock.systemUTC());
    this.dataplane = config.linuxDataplane() ? startDataplane() : null;
    Gateway gateway = new Gateway(new Authenticator(control.accounts(), Clock.systemUTC()), dispatcher,
        InflightBytes.forThisHeap());
    this.http = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(Gateway.MAX_HEADER_BYTES));
      cfg.jetty.modifyServer(s -> s.setErrorHandler(new ErrorEnvelope()));
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/console";
        sf.directory = "/io/openvpc/console";
        sf.location = Location.CLASSPATH;
        sf.headers = CONSOLE_HEADERS;
      });
    });
    http.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
    http.post("/", gateway::handle);
    http.get("/", ctx -> {
      boolean apiCall = ctx.header("Authorization") != null || (ctx.queryString() != null && !ctx.queryString().isEmpty());
      if (apiCall) {
        gateway.handle(ctx);
      } else {
        try {
          serveConsole(ctx);
        } catch (Exception | Error e) {
          Gateway.unexpected(e, ctx);
        }
      }
    });
    // whatever else fails answers in Tencent's envelope too, never an empty 500 or a page of Java
    http.exception(Exception.class, Gateway::unexpected);
    http.error(404, Gateway::notFound);
    for (var method : new io.javalin.http.HandlerType[] {io.javalin.http.HandlerType.PUT,
        io.javalin.http.HandlerType.DELETE, io.javalin.http.HandlerType.PATCH, io.javalin.http.HandlerType.OPTIONS,
        io.javalin.http.HandlerType.TRACE}) {
      http.addHttpHandler(method, "/", gateway::unsupportedMethod);
    }
  }

  /** Starts a server; the port is taken from the config (0 picks a free one). */
  public static OpenVpcServer start(ServerConfig config) {
    OpenVpcServer server = new OpenVpcServer(config);
    server.http.start(config.host(), config.port());
    server.snapshots.start();
    LOG.info("OpenVPC listening on http://{}:{} (data in {}, database {})", config.host(), server.port(),
        config.dataDir(), server.store.database().redactedUrl());
    return server;
  }

  /**
   * Starts the Linux data plane agent: it follows every committed change and, at start, every scope
   * that holds resources, so a restarted server converges the host to the model.
   */
  private LinuxDataplane startDataplane() {
    LinuxHost.unavailableReason().ifPresent(why -> {
      throw new IllegalStateException("--dataplane linux: " + why);
    });
    // the data plane listens to the server's one engine, which the analysis keeps current; it starts
    // once it knows every scope, so that its first pass removes nothing that is still wanted
    LinuxDataplane dp = new LinuxDataplane(new LinuxHost(dataplaneOwner(config.dataDir())), control.engine());
    for (Account a : control.accounts().list()) {
      for (Regions.Region r : control.regions().all()) {
        Scope scope = new Scope(a.appId(), r.name());
        if (store.revision(scope) > 0) {
          dp.update(control.ledger().read(scope));
        }
      }
    }
    dp.start();
    LOG.info("Linux data plane on: instances are namespaces ovpc-<instance id>, VPC routers ovpc-r-<vpc suffix>");
    return dp;
  }

  /** The data plane agent, when the server runs one. */
  public Optional<LinuxDataplane> dataplane() {
    return Optional.ofNullable(dataplane);
  }

  private static void serveConsole(io.javalin.http.Context ctx) throws IOException {
    try (InputStream in = OpenVpcServer.class.getResourceAsStream("/io/openvpc/console/index.html")) {
      if (in == null) {
        ctx.status(404).result("console assets missing");
        return;
      }
      CONSOLE_HEADERS.forEach(ctx::header);
      ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
    }
  }

  /**
   * Makes sure the bootstrap account exists: with the configured key when one is given, else (on the
   * first start only) with generated keys, printed once and written to {@code credentials}, a file that
   * is mode 0600 from its first byte: the command line signs its calls with the key it holds.
   */
  private ApiKey bootstrap() {
    if (config.bootstrapSecretId() != null && config.bootstrapSecretKey() != null) {
      Optional<ApiKey> existing = control.accounts().key(config.bootstrapSecretId());
      if (existing.isPresent()) {
        if (!existing.get().secretKey().equals(config.bootstrapSecretKey())) {
          LOG.warn("OPENVPC_SECRET_KEY differs from the stored key of SecretId {}; the stored key stays in force "
              + "(openvpc account keys {} lists the keys)", config.bootstrapSecretId(), existing.get().appId());
        }
        return existing.get();
      }
      return control.accounts().create("bootstrap", config.bootstrapSecretId(), config.bootstrapSecretKey());
    }
    if (!control.accounts().list().isEmpty()) {
      return null;
    }
    ApiKey key = control.accounts().create("bootstrap", null, null);
    Path file = config.dataDir().resolve("credentials");
    try {
      PrivateFiles.write(file, ("SecretId=" + key.secretId() + "\nSecretKey=" + key.secretKey() + "\nAppId="
          + key.appId() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      LOG.warn("could not write {}: {}", file, e.getCause().getMessage());
    }
    System.out.println("Created the bootstrap account " + key.appId() + ". Its key is shown this once and kept in "
        + file + ":\n  SecretId:  " + key.secretId() + "\n  SecretKey: " + key.secretKey());
    return key;
  }

  public int port() {
    return http.port();
  }

  public String endpoint() {
    return "127.0.0.1:" + port();
  }

  public ControlPlane control() {
    return control;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The bootstrap key, when this start created or was given it. */
  public Optional<ApiKey> bootstrapKey() {
    return Optional.ofNullable(bootstrapKey);
  }

  /** Stops serving, then closes the store; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    snapshots.close();
    http.stop();
    if (dataplane != null) {
      dataplane.close();
    }
    store.close();
    LOG.info("OpenVPC stopped");
  }
}
