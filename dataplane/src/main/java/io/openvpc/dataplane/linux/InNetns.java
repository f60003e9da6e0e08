package io.openvpc.dataplane.linux;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work inside a network namespace, in this process: a few dedicated threads each enter the
 * namespace with {@code setns(2)} (network namespaces are per thread), run the work and return to the
 * process's own namespace. Sockets opened meanwhile (netlink, libnftables' context) belong to the
 * namespace for their whole life, and {@code /proc/sys/net} shows the namespace's settings. The threads
 * do nothing else (no process is started and no thread created from inside a namespace, as both would
 * inherit it). A thread that cannot return to its namespace ends, and another takes its place.
 */
final class InNetns {
  static final Path RUN_NETNS = Path.of("/run/netns");
  private static final int THREADS = 4;
  private static final LinkedBlockingQueue<Runnable> QUEUE = new LinkedBlockingQueue<>();
  private static final AtomicInteger COUNT = new AtomicInteger();
  /** This process's own network namespace, where every worker returns. */
  private static volatile int home = -1;

  private InNetns() {}

  /** Runs {@code work} inside namespace {@code ns} and returns its result; work's exceptions pass through. */
  static <T> T call(String ns, Callable<T> work) {
    return submit(() -> {
      int fd = open(RUN_NETNS.resolve(ns).toString(), ns);
      try {
        enter(fd, ns);
        try {
          return work.call();
        } finally {
          leave();
        }
      } finally {
        Syscalls.LibC.I.close(fd);
      }
    });
  }

  /**
   * Runs {@code work} on a worker moved into a new namespace ({@code unshare(2)}), which it leaves
   * afterwards (the namespace lives on only if {@code work} mounted it somewhere).
   */
  static <T> T inNewNamespace(Callable<T> work) {
    return submit(() -> {
      Syscalls.LibC.I.unshare(Syscalls.CLONE_NEWNET);
      try {
        return work.call();
      } finally {
        leave();
      }
    });
  }

  private static <T> T submit(Callable<T> task) {
    ensureThreads();
    CompletableFuture<T> result = new CompletableFuture<>();
    QUEUE.add(() -> {
      try {
        result.complete(task.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
        if (e instanceof Stranded s) {
          throw s;
        }
      }
    });
    return join(result);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static synchronized void ensureThreads() {
    if (home < 0) {
      home = Syscalls.LibC.I.open("/proc/thread-self/ns/net", Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
    }
    while (COUNT.get() < THREADS) {
      COUNT.incrementAndGet();
      Thread t = new Thread(InNetns::work, "ovpc-netns");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void work() {
    try {
      while (true) {
        Runnable r;
        try {
          r = QUEUE.take();
        } catch (InterruptedException e) {
          return;
        }
        r.run();
      }
    } catch (Stranded e) {
      // This thread cannot get home: let it end, another replaces it.
    } finally {
      // The next submission starts a replacement (from a thread at home, so that it starts there too).
      COUNT.decrementAndGet();
    }
  }

  static int open(String path, String ns) {
    try {
      return Syscalls.LibC.I.open(path, Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new NoSuchNamespace(ns, e.getMessage());
    }
  }

  private static void enter(int fd, String ns) {
    try {
      Syscalls.LibC.I.setns(fd, Syscalls.CLONE_NEWNET);
    } catch (LastErrorException e) {
      throw new NoSuchNamespace(ns, "setns: " + e.getMessage());
    }
  }

  private static void leave() {
    try {
      Syscalls.LibC.I.setns(home, Syscalls.CLONE_NEWNET);
    } catch (LastErrorException e) {
      throw new Stranded(e);
    }
  }

  /** A namespace that does not exist (any more), or cannot be entered. */
  static final class NoSuchNamespace extends RuntimeException {
    NoSuchNamespace(String ns, String why) {
      super("namespace " + ns + " cannot be entered: " + why);
    }
  }

  /** A worker that could not return to the process's namespace; it must not run anything else. */
  private static final class Stranded extends Error {
    Stranded(Throwable cause) {
      super("cannot return to the process's network namespace", cause);
    }
  }
}
