package org.closer.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.closer.core.report.CsvTables;
import org.closer.core.report.Report;
import org.closer.jobs.RunContext;

/**
 * The report's tables as {@code report/tables/<section>-<caption>.csv} and the whole report as
 * {@code report/summary.json}: the same cells as the HTML, small ones already suppressed.
 */
final class ReportFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Written(int count) {}

  private ReportFiles() {}

  static Written write(Report report, RunContext ctx) {
    Set<String> names = new HashSet<>();
    List<Map<String, Object>> sections = new ArrayList<>();
    int count = 0;
    for (Report.Section s : report.sections()) {
      List<Object> blocks = new ArrayList<>();
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.Paragraph p) {
          blocks.add(Map.of("text", p.text()));
        } else if (b instanceof Report.Table t) {
          String name = unique(names, s.id() + "-" + slug(t.caption()));
          ctx.fs().write(ctx.outputs().path("report/tables/" + name + ".csv"), CsvTables.write(t.header(), t.rows()));
          Map<String, Object> table = new LinkedHashMap<>();
          table.put("caption", t.caption());
          table.put("csv", "tables/" + name + ".csv");
          table.put("header", t.header());
          table.put("rows", t.rows());
          blocks.add(table);
          count++;
        } else if (b instanceof Report.Figure f) {
          String path = "report/" + org.closer.core.report.MarkdownRenderer.FIGURES + f.name() + ".png";
          ctx.fs().write(ctx.outputs().path(path), f.png());
          Map<String, Object> figure = new LinkedHashMap<>();
          figure.put("figure", f.caption());
          figure.put("alt", f.alt());
          figure.put("png", org.closer.core.report.MarkdownRenderer.FIGURES + f.name() + ".png");
          blocks.add(figure);
        }
      }
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("id", s.id());
      section.put("title", s.title());
      section.put("blocks", blocks);
      sections.add(section);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("title", report.title());
    summary.put("subtitle", report.subtitle());
    summary.put("sections", sections);
    try {
      ctx.fs().write(ctx.outputs().path(ReportJob.SUMMARY), JSON.writeValueAsString(summary));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Written(count);
  }

  private static String slug(String caption) {
    String s = caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  private static String unique(Set<String> names, String name) {
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = name + "-" + i;
    }
    return candidate;
  }
}
