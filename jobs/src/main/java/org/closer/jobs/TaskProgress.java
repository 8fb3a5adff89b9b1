package org.closer.jobs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * While a stage of Closer runs long, a line on standard error at most every 15 s with how far
 * Spark's running stages are: {@code ingest:  45 s so far; Spark stage 3: 18 of 41 tasks done}. A
 * 50M-row ingest runs for minutes, and its one line comes at the end. The lines are written as
 * tasks end, from Spark's listener bus, so no thread of Closer's own waits; only counts are shown.
 */
public final class TaskProgress extends SparkListener {
  static final long EVERY_NANOS = 15_000_000_000L;
  private static SparkContext installedOn;

  private final long everyNanos;
  private final PrintStream err;
  /** Spark stage id to {tasks done, tasks}, for the stages running. */
  private final Map<Integer, int[]> running = new TreeMap<>();
  /** When the last line was written; null before the first. */
  private Long lastLine;

  TaskProgress(long everyNanos, PrintStream err) {
    this.everyNanos = everyNanos;
    this.err = err;
  }

  /** Adds the listener to {@code sc}, once however many commands run on it (as the tests do). */
  public static synchronized void install(SparkContext sc) {
    if (installedOn != sc) {
      sc.addSparkListener(new TaskProgress(EVERY_NANOS, System.err));
      installedOn = sc;
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    stageSubmitted(submitted.stageInfo().stageId(), submitted.stageInfo().numTasks());
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    stageCompleted(completed.stageInfo().stageId());
  }

  synchronized void stageSubmitted(int stageId, int tasks) {
    running.put(stageId, new int[] {0, tasks});
  }

  synchronized void stageCompleted(int stageId) {
    running.remove(stageId);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    String line = taskEnded(end.stageId(), end.taskInfo().successful(), Progress.running(), System.nanoTime());
    if (line != null) {
      err.println(line);
      err.flush();
    }
  }

  /** Counts a task; the line to write, when a stage of Closer has run long and none was written lately. */
  synchronized String taskEnded(int stageId, boolean successful, Progress.Stage stage, long now) {
    int[] counts = running.get(stageId);
    if (counts != null && successful) {
      counts[0]++;
    }
    if (stage == null || now - stage.started() < everyNanos || lastLine != null && now - lastLine < everyNanos) {
      return null;
    }
    lastLine = now;
    StringJoiner stages = new StringJoiner("; ");
    running.forEach((id, c) -> stages.add(String.format(Locale.ROOT, "Spark stage %d: %,d of %,d tasks done", id,
        c[0], c[1])));
    return String.format(Locale.ROOT, "%-8s %.0f s so far; %s", stage.name() + ":", (now - stage.started()) / 1e9,
        stages);
  }
}
