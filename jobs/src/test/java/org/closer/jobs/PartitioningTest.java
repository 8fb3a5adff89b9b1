package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many shuffle partitions and files a study gets, from its size and the cores at hand. */
class PartitioningTest {
  @Test
  void aSmallStudyGetsOneFileAndALargeOneEnoughForEveryCoreButNoHugeFile() {
    assertEquals(1, Outputs.files(2_567, 2), "the sample study: one file");
    assertEquals(1, Outputs.files(150_000, 2), "one task is faster than several for a few rows");
    assertEquals(4, Outputs.files(1_000_000, 2), "1M rows on 2 cores: every core keeps an equal share");
    assertEquals(3, Outputs.files(700_000, 4), "fewer tasks than cores");
    assertEquals(8, Outputs.files(5_000_000, 2), "at most 4 per core for parallelism ...");
    assertEquals(50, Outputs.files(50_000_000, 2), "... and no file above 1M rows");
  }

  @Test
  void shufflesAreSizedToTheExportsNotSparksFixed200() {
    assertEquals(4, SparkSessions.shufflePartitions(2, 0));
    assertEquals(4, SparkSessions.shufflePartitions(2, 161L << 20), "1M survey rows on 2 cores");
    assertEquals(14, SparkSessions.shufflePartitions(2, 806L << 20), "5M survey rows: 13 rounded up to 2 cores");
    assertEquals(96, SparkSessions.shufflePartitions(2, 6L << 30), "50M survey rows: one per 64 MB");
    assertEquals(32, SparkSessions.shufflePartitions(16, 100L << 20), "a cluster's cores set the least");
  }
}
