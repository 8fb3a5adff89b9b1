package org.closer.core.report;

/** A self-contained HTML page: inline style, no scripts, no external resources, every text escaped. */
public final class HtmlRenderer {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1f2328;line-height:1.45}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
      .sub{color:#59636e;margin:.1rem 0}nav a{margin-right:1rem}
      .wrap{overflow-x:auto}table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.9rem}
      caption{text-align:left;font-weight:600;padding:.3rem 0}
      th,td{border-bottom:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
      figure{margin:.8rem 0 1.4rem}figure img{max-width:100%;height:auto;border:1px solid #d0d7de}
      figcaption{font-size:.9rem;color:#59636e;margin-top:.3rem}
      @media print{figure{break-inside:avoid}nav{display:none}h2{break-after:avoid}table{break-inside:avoid}}
      """;

  private HtmlRenderer() {}

  public static String render(Report report) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(report.title())).append("</h1>\n");
    for (String line : report.subtitle()) {
      h.append("<p class=\"sub\">").append(escape(line)).append("</p>\n");
    }
    h.append("<nav>");
    for (Report.Section s : report.sections()) {
      h.append("<a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title())).append("</a>");
    }
    h.append("</nav>\n");
    for (Report.Section s : report.sections()) {
      h.append("<section id=\"").append(escape(s.id())).append("\">\n<h2>").append(escape(s.title())).append("</h2>\n");
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.Paragraph p) {
          h.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (b instanceof Report.Table t) {
          table(h, t);
        } else if (b instanceof Report.Figure f) {
          h.append("<figure id=\"figure-").append(escape(f.name())).append("\"><img alt=\"").append(escape(f.alt()))
              .append("\" src=\"data:image/png;base64,").append(java.util.Base64.getEncoder().encodeToString(f.png()))
              .append("\"><figcaption>").append(escape(f.caption())).append("</figcaption></figure>\n");
        }
      }
      h.append("</section>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void table(StringBuilder h, Report.Table t) {
    h.append("<div class=\"wrap\"><table>\n<caption>").append(escape(t.caption())).append("</caption>\n<thead><tr>");
    for (String c : t.header()) {
      h.append("<th scope=\"col\">").append(escape(c)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (var row : t.rows()) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        h.append(t.numeric().get(i) ? "<td class=\"n\">" : "<td>").append(escape(row.get(i))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
