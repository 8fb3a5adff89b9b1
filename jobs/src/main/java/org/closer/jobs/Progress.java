package org.closer.jobs;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line per stage: what it did, with counts and elapsed time. While a stage runs long, {@link
 * TaskProgress} tells how far it is.
 */
public final class Progress {
  private final PrintStream out;

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** The innermost stage running in this JVM, for {@link TaskProgress}; a command runs one at a time. */
  private static volatile Stage running;

  /** Starts timing a stage. */
  public Stage start(String name) {
    Stage current = running;
    // A stage of another command (one that failed before it was done) encloses nothing of this one.
    Stage stage = new Stage(name, System.nanoTime(), current != null && current.owner() == this ? current : null);
    running = stage;
    return stage;
  }

  static Stage running() {
    return running;
  }

  public void note(String line) {
    out.println(line);
    out.flush();
  }

  /** A stage being timed. */
  public final class Stage {
    private final String name;
    private final long started;
    /** The stage this one runs within, as {@code ingest} within {@code run}. */
    private final Stage enclosing;

    private Stage(String name, long started, Stage enclosing) {
      this.name = name;
      this.started = started;
      this.enclosing = enclosing;
    }

    String name() {
      return name;
    }

    private Progress owner() {
      return Progress.this;
    }

    long started() {
      return started;
    }

    public void done(String summary) {
      double seconds = (System.nanoTime() - started) / 1e9;
      running = enclosing;
      note(String.format(Locale.ROOT, "%-8s %s (%.1f s)", name + ":", summary, seconds));
    }
  }

  /** 12345 as "12,345". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
