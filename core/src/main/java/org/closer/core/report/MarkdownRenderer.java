package org.closer.core.report;

/** GitHub-flavoured Markdown of a report; table cells escape pipes. */
public final class MarkdownRenderer {
  /** Where the Markdown expects its charts, beside it: {@code figures/<name>.png}. */
  public static final String FIGURES = "figures/";

  private MarkdownRenderer() {}

  public static String render(Report report) {
    StringBuilder m = new StringBuilder(8_192);
    m.append("# ").append(inline(report.title())).append("\n\n");
    for (String line : report.subtitle()) {
      m.append(inline(line)).append("  \n");
    }
    for (Report.Section s : report.sections()) {
      m.append("\n## ").append(inline(s.title())).append("\n\n");
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.Paragraph p) {
          m.append(inline(p.text())).append("\n\n");
        } else if (b instanceof Report.Table t) {
          table(m, t);
        } else if (b instanceof Report.Figure f) {
          m.append("![").append(inline(f.alt())).append("](").append(FIGURES).append(f.name()).append(".png)\n\n*")
              .append(inline(f.caption())).append("*\n\n");
        }
      }
    }
    return m.toString();
  }

  private static void table(StringBuilder m, Report.Table t) {
    m.append("**").append(inline(t.caption())).append("**\n\n|");
    for (String c : t.header()) {
      m.append(' ').append(cell(c)).append(" |");
    }
    m.append("\n|");
    for (Boolean numeric : t.numeric()) {
      m.append(numeric ? " ---: |" : " --- |");
    }
    m.append('\n');
    for (var row : t.rows()) {
      m.append('|');
      for (String c : row) {
        m.append(' ').append(cell(c)).append(" |");
      }
      m.append('\n');
    }
    m.append('\n');
  }

  private static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  private static String inline(String text) {
    return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
  }
}
