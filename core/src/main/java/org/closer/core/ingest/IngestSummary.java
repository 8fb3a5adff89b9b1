package org.closer.core.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The ingest's account of its inputs, written as {@code ingest.json} beside the datasets. */
public record IngestSummary(
    @JsonProperty("key_origin") String keyOrigin,
    @JsonProperty("files") List<FileSummary> files) {

  public long rows() {
    return files.stream().filter(f -> "survey".equals(f.kind())).mapToLong(FileSummary::rows).sum();
  }

  public long accepted() {
    return files.stream().filter(f -> "survey".equals(f.kind())).mapToLong(FileSummary::accepted).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(FileSummary::quarantined).sum();
  }
}
