package org.closer.jobs.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.ingest.FileSummary;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.instrument.Instrument;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.RunContext;
import org.closer.jobs.ingest.IngestJob;

/**
 * {@code manifest.json}: what went in (files and SHA-256), with which configuration and versions,
 * and what came out (row counts). No clock time, so equal runs give equal manifests. Written last.
 */
record Manifest(
    @JsonProperty("closer_version") String closerVersion,
    @JsonProperty("spark_version") String sparkVersion,
    @JsonProperty("java_version") String javaVersion,
    @JsonProperty("study_file") String studyFile,
    @JsonProperty("study") StudyConfig study,
    @JsonProperty("key_origin") String keyOrigin,
    @JsonProperty("instruments") List<String> instruments,
    @JsonProperty("inputs") List<FileSummary> inputs,
    @JsonProperty("datasets") Map<String, Long> datasets) {

  static final String FILE = org.closer.jobs.Outputs.MANIFEST;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  static void write(RunContext ctx) {
    IngestSummary ingest = IngestJob.readSummary(ctx);
    Map<String, Long> datasets = new LinkedHashMap<>();
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      String path = ctx.outputs().current(d.dir());
      if (ctx.fs().exists(path)) {
        datasets.put(d.dir(), ctx.fs().parquetRows(path));
      }
    }
    Manifest m = new Manifest(Versions.closer(), Versions.spark(), System.getProperty("java.version"),
        ctx.studyFile(), ctx.study(), ingest.keyOrigin(),
        ctx.catalog().instruments().stream().map(Instrument::id).toList(), ingest.files(), datasets);
    try {
      ctx.fs().write(ctx.outputs().path(FILE), JSON.writeValueAsString(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
