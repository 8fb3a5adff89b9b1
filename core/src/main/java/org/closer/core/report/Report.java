package org.closer.core.report;

import java.util.List;

/** A report as data, rendered by {@link HtmlRenderer} and {@link MarkdownRenderer}. */
public record Report(String title, List<String> subtitle, List<Section> sections) {
  public Report {
    subtitle = List.copyOf(subtitle);
    sections = List.copyOf(sections);
  }

  public record Section(String id, String title, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** A piece of a section. */
  public sealed interface Block permits Paragraph, Table, Figure {}

  /**
   * A chart, rendered to PNG: inlined in the HTML, written beside the Markdown.
   *
   * @param name file name without extension, unique in the report
   * @param alt what the chart shows, for readers who cannot see it
   */
  public record Figure(String name, String caption, String alt, byte[] png) implements Block {}

  public record Paragraph(String text) implements Block {}

  /**
   * @param numeric per column, whether it is right-aligned
   */
  public record Table(String caption, List<String> header, List<Boolean> numeric, List<List<String>> rows)
      implements Block {
    public Table {
      header = List.copyOf(header);
      numeric = List.copyOf(numeric);
      rows = rows.stream().map(List::copyOf).toList();
      int width = header.size();
      if (numeric.size() != width || rows.stream().anyMatch(r -> r.size() != width)) {
        throw new IllegalArgumentException("Every row of table '" + caption + "' needs " + width + " cells");
      }
    }
  }
}
