package io.openvpc.dataplane.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs one host command with optional standard input and collects its output. */
public final class Command {
  /** Drains output streams; its own threads, since the common pool may have a single one here. */
  private static final ExecutorService DRAIN = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ovpc-cmd-drain");
    t.setDaemon(true);
    return t;
  });

  private Command() {}

  /** The outcome of a command. */
  public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Throws {@link HostCommandFailed} unless the command succeeded. */
    public Result orThrow() {
      if (!ok()) {
        throw new HostCommandFailed(this);
      }
      return this;
    }
  }

  public static Result run(List<String> argv, String stdin) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      int code = p.waitFor();
      return new Result(argv, code, out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv, e);
    }
  }

  public static Result run(String... argv) {
    return run(List.of(argv), null);
  }

  private static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(() -> {
      try (s) {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, DRAIN);
  }

  /** A host command that failed: its command line, exit code and error output. */
  public static final class HostCommandFailed extends RuntimeException {
    private final transient Result result;

    public HostCommandFailed(Result r) {
      super(String.join(" ", r.argv()) + " exited " + r.exitCode() + ": " + r.stderr().strip());
      this.result = r;
    }

    public Result result() {
      return result;
    }
  }
}
