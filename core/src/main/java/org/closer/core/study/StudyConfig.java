package org.closer.core.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.io.ConfigFiles;

/**
 * A study's configuration (YAML), for example {@code data-samples/study/study.yaml}.
 *
 * @param name shown in the report
 * @param minCellSize report cells from fewer people than this are suppressed (default 10)
 * @param loveThresholds per instrument, per component: a score strictly above it is "high";
 *     components not given use the scale midpoint
 * @param demoKey true only for public sample data: pseudonymise with the public demo key
 */
public record StudyConfig(
    @JsonProperty("name") String name,
    @JsonProperty("min_cell_size") Integer minCellSize,
    @JsonProperty("love_thresholds") Map<String, Map<String, Double>> loveThresholds,
    @JsonProperty("demo_key") Boolean demoKey) implements Serializable {

  public static final int DEFAULT_MIN_CELL_SIZE = 10;

  public StudyConfig {
    name = name == null ? "Unnamed study" : name;
    minCellSize = minCellSize == null ? DEFAULT_MIN_CELL_SIZE : minCellSize;
    loveThresholds = loveThresholds == null ? Map.of() : Map.copyOf(loveThresholds);
    demoKey = demoKey != null && demoKey;
    if (minCellSize < 1) {
      throw UserException.inputRefused(Messages.cannot("use min_cell_size", minCellSize, "study configuration",
          "Use a whole number of at least 1; 10 is the usual disclosure-control threshold"));
    }
  }

  public static StudyConfig defaults() {
    return new StudyConfig(null, null, null, null);
  }

  public static StudyConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("read study configuration", file.toString(), null,
          "Check the path given to --study"));
    }
    if (text.isBlank()) {
      return defaults();
    }
    return ConfigFiles.read(ConfigFiles.YAML, file.toString(), text, StudyConfig.class, "study configuration");
  }
}
