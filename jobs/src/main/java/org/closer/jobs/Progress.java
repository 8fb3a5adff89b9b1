package org.closer.jobs;

import java.io.PrintStream;
import java.util.Locale;

/** One line per stage: what it did, with counts and elapsed time. */
public final class Progress {
  private final PrintStream out;

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** Starts timing a stage. */
  public Stage start(String name) {
    return new Stage(name, System.nanoTime());
  }

  public void note(String line) {
    out.println(line);
    out.flush();
  }

  /** A stage being timed. */
  public final class Stage {
    private final String name;
    private final long started;

    private Stage(String name, long started) {
      this.name = name;
      this.started = started;
    }

    public void done(String summary) {
      double seconds = (System.nanoTime() - started) / 1e9;
      note(String.format(Locale.ROOT, "%-8s %s (%.1f s)", name + ":", summary, seconds));
    }
  }

  /** 12345 as "12,345". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
