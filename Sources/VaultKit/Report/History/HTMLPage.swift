/// The page around every HTML report (a period's, an alliance's history): one
/// self-contained file that loads nothing. It reads on a 390-px phone (tables and wide
/// charts scroll sideways instead of shrinking their text below 11 px or wrapping a
/// name one character a line), prints on A4 with page numbers, lists its sections
/// in a table of contents, and sorts the tables marked sortable with a small inline
/// script; without the script the page is the same, only unsorted.
public enum HTMLPage {
    /// The sections of a rendered body, in order: each `<section id="…">` with the
    /// text of its `<h2>`. The table of contents is read from the body itself, so a
    /// section exists in one place only and a new one joins the contents by having an id.
    public static func sections(of body: String) -> [(id: String, title: String)] {
        var found: [(id: String, title: String)] = []
        var rest = body[...]
        while let open = rest.range(of: "<section id=\"") {
            rest = rest[open.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<quote])
            guard let h2 = rest.range(of: "<h2>"), let end = rest.range(of: "</h2>", range: h2.upperBound..<rest.endIndex),
                  !rest[..<h2.lowerBound].contains("<section") else { continue }
            found.append((id, String(rest[h2.upperBound..<end.lowerBound])))
        }
        return found
    }

    /// `title` is plain text; `header` and `body` are markup already escaped.
    public static func render(title: String, header: String, body: String) -> String {
        let contents = sections(of: body)
        var toc = ""
        if contents.count > 1 {
            toc = "<nav class=\"toc\" aria-label=\"目录\"><h2>目录</h2>\n<ol>\n"
            for section in contents { toc += "<li><a href=\"#\(Escape.html(section.id))\">\(section.title)</a></li>\n" }
            toc += "</ol></nav>\n"
        }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(Escape.html(title))</title>
            <style>
            \(style)</style>
            </head>
            <body>
            \(header)\(toc)\(body)<script>//<![CDATA[
            \(sortScript)//]]></script>
            </body>
            </html>

            """
    }

    /// An `<svg>` that draws at its own size (1 unit = 1 CSS px), shrinks with a narrow
    /// screen only down to the width at which its 12-px labels are still 11 px, and below
    /// that scrolls sideways in its figure.
    public static func svgOpen(width: Int, height: Int, label: String) -> String {
        let minimum = (width * 11 + 11) / 12
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
            + " style=\"max-width:\(width)px;min-width:\(minimum)px\" role=\"img\" aria-label=\"\(Escape.html(label))\">"
    }

    static let style = """
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 16px; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #222; line-height: 1.5; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; } h3 { font-size: 1rem; }
        .meta { color: #555; }
        nav.toc h2 { margin-top: 1rem; } nav.toc ol { padding-left: 1.5rem; margin: 0; } nav.toc a { color: #1d4f91; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; word-break: keep-all; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.w { word-break: normal; overflow-wrap: anywhere; min-width: 10em; } td:first-child:not(.w) { white-space: nowrap; } td.m { white-space: nowrap; }
        th { background: #f3f3f3; white-space: nowrap; }
        th button.sort { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
        th[aria-sort="ascending"] button.sort::after { content: " ▲"; } th[aria-sort="descending"] button.sort::after { content: " ▼"; }
        figure { margin: 1rem 0; overflow-x: auto; } figcaption { font-size: 0.85rem; color: #555; text-align: center; }
        svg { width: 100%; height: auto; display: block; margin: 0 auto; }
        svg text { font-size: 12px; fill: #222; }
        @page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { margin-top: 1.2rem; } h2, h3 { break-after: avoid; page-break-after: avoid; }
          nav.toc a { color: inherit; text-decoration: none; }
          .scroll, figure { overflow: visible; }
          table { font-size: 9pt; } th, td { padding: 0.15rem 0.3rem; } td.w { min-width: 6em; } td.n { white-space: normal; min-width: 3em; }
          th, th.n { white-space: normal; word-break: normal; min-width: 4em; }
          tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          th[aria-sort] button.sort::after { content: none; }
        }

        """

    /// Sorts a table marked `sortable` by the column whose header is clicked (numbers
    /// by value, text by Chinese collation); clicking again reverses. It only reorders
    /// rows that are already on the page and loads nothing.
    static let sortScript = """
        (function () {
          var tables = document.querySelectorAll("table.sortable");
          Array.prototype.forEach.call(tables, function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (th, column) {
              var button = document.createElement("button");
              button.type = "button";
              button.className = "sort";
              button.textContent = th.textContent;
              th.textContent = "";
              th.appendChild(button);
              button.addEventListener("click", function () {
                var ascending = th.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var numeric = th.classList.contains("n");
                var key = function (row) {
                  var text = row.cells[column] ? row.cells[column].textContent : "";
                  if (!numeric) { return text; }
                  var value = parseFloat(text);
                  return isNaN(value) ? -Infinity : value;
                };
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (x, y) {
                  var a = key(x), b = key(y);
                  var order = numeric ? (a === b ? 0 : (a > b ? 1 : -1)) : a.localeCompare(b, "zh-CN");
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
        })();

        """

    /// The columns of long text (names, reasons, sources, notes), by their header: they may
    /// wrap (never narrower than 10 characters); every other cell keeps its words whole.
    static let wrappingHeaders: Set<String> = ["联盟名称", "名称", "原因", "出处", "数字", "奖项", "来源位置", "说明", "附注",
                                               "位置", "库内读法", "单位及职务", "所属联盟本期结果", "其他来源所记关联"]
    /// The columns of a short mark (`✓ 符合`), which stays on one line.
    static let markHeaders: Set<String> = ["核对"]

    /// A table whose cells are plain text (escaped here); `numeric` columns align right
    /// and sort by value; `sortable` marks it for the script.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, sortable: Bool = false) -> String {
        let classes = header.indices.map { i in
            numeric.contains(i) ? " class=\"n\"" : wrappingHeaders.contains(header[i]) ? " class=\"w\""
                : markHeaders.contains(header[i]) ? " class=\"m\"" : ""
        }
        var out = "<div class=\"scroll\"><table\(sortable ? " class=\"sortable\"" : "")>\n<thead><tr>"
        for (i, h) in header.enumerated() { out += "<th\(classes[i])>\(Escape.html(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { "<td\($0 < classes.count ? classes[$0] : "")>\(Escape.html($1))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
