package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/** The lines that tell how far a long stage is. */
class TaskProgressTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aLineComesOnceAStageHasRunLongAndAtMostEveryInterval() {
    TaskProgress progress = new TaskProgress(15 * SECOND, System.err);
    Progress.Stage stage = new Progress(new PrintStream(OutputStream.nullOutputStream())).start("ingest");
    long t0 = stage.started();
    progress.stageSubmitted(3, 41);
    progress.stageSubmitted(4, 2_000);
    assertNull(progress.taskEnded(3, true, stage, t0 + 14 * SECOND), "not before the stage has run 15 s");
    assertEquals("ingest:  15 s so far; Spark stage 3: 2 of 41 tasks done; Spark stage 4: 0 of 2,000 tasks done",
        progress.taskEnded(3, true, stage, t0 + 15 * SECOND));
    assertNull(progress.taskEnded(4, true, stage, t0 + 29 * SECOND), "not within 15 s of the last line");
    progress.stageCompleted(3);
    assertEquals("ingest:  31 s so far; Spark stage 4: 1 of 2,000 tasks done",
        progress.taskEnded(4, false, stage, t0 + 31 * SECOND), "a failed task is not done");
    assertNull(progress.taskEnded(4, true, null, t0 + 99 * SECOND), "no line outside Closer's stages");
  }

  @Test
  void sparksTasksAreCountedAsTheyEnd() throws Exception {
    SparkContext sc = TestSpark.session().sparkContext();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TaskProgress listener = new TaskProgress(0, new PrintStream(err, true, StandardCharsets.UTF_8));
    sc.addSparkListener(listener);
    try {
      Progress.Stage stage = new Progress(new PrintStream(OutputStream.nullOutputStream())).start("count");
      assertEquals(10, TestSpark.session().range(0, 10, 1, 3).count());
      sc.listenerBus().waitUntilEmpty();
      stage.done("");
    } finally {
      sc.removeSparkListener(listener);
    }
    String lines = err.toString(StandardCharsets.UTF_8);
    assertTrue(lines.matches("(?s)count:\\s+\\d+ s so far; Spark stage \\d+: 1 of 3 tasks done\\n.*"), lines);
  }
}
