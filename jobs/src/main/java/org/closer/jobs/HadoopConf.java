package org.closer.jobs;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/** The driver's Hadoop settings (file systems, credentials) carried to a task that opens a file itself. */
public record HadoopConf(Map<String, String> entries) implements Serializable {
  public static HadoopConf of(Configuration conf) {
    Map<String, String> entries = new HashMap<>();
    conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
    return new HadoopConf(entries);
  }

  public Configuration get() {
    Configuration conf = new Configuration(false);
    entries.forEach(conf::set);
    return conf;
  }

  /**
   * A job reading exactly the given files: the paths are set as Paths, not as text, so a comma or
   * space in a clinic's file name is not taken for a list of paths.
   */
  public Job job(Path... files) {
    try {
      Job job = Job.getInstance(get());
      FileInputFormat.setInputPaths(job, files);
      return job;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
