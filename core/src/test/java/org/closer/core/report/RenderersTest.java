package org.closer.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final Report REPORT = new Report("Study <b>&</b>", List.of("sub \"1\""),
      List.of(new Report.Section("s1", "Files", List.of(
          new Report.Paragraph("<script>alert(1)</script>"),
          new Report.Table("T|1", List.of("a|b", "n"), List.of(false, true), List.of(List.of("x<y", "3")))))));

  @Test
  void htmlEscapesEveryTextAndLoadsNothingFromOutside() {
    String html = HtmlRenderer.render(REPORT);
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("<title>Study &lt;b&gt;&amp;&lt;/b&gt;</title>"));
    assertTrue(html.contains("<td>x&lt;y</td><td class=\"n\">3</td>"));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="));
  }

  @Test
  void markdownEscapesPipesInCells() {
    String md = MarkdownRenderer.render(REPORT);
    assertTrue(md.startsWith("# Study <b>&</b>\n"));
    assertTrue(md.contains("| a\\|b | n |\n| --- | ---: |\n| x<y | 3 |"), md);
  }
}
