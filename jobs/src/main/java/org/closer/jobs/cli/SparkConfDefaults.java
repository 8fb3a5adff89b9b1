package org.closer.jobs.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option come from Spark's configuration: {@code --conf spark.closer.out=hdfs:///x} (or the
 * same line in a {@code --properties-file}) is the default of {@code --out}. spark-submit hands its
 * settings to the driver as system properties; an option on the command line still wins.
 */
final class SparkConfDefaults implements IDefaultValueProvider {
  static final String PREFIX = "spark.closer.";

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
      return System.getProperty(key(option));
    }
    return null;
  }

  static String key(OptionSpec option) {
    return PREFIX + option.longestName().substring(2);
  }
}
