#!/usr/bin/env python3
"""Renders an HTML page in headless Chromium as a 390-px phone, a 1000-px screen and
an A4 print, saves a screenshot of each screen and the PDF, and measures the page in
the browser itself: every rendered text's font size as drawn (for SVG text, the
computed size times the SVG's scale on screen), table cells that wrap one character a
line, a page wider than the screen, sortable tables whose headers do not sort their
rows, a PDF page that is not A4 or has no page number, and anything the page logs
or throws.

usage: scripts/check-render.py PAGE.html OUTDIR [NAME]
exit status: 0 readable, 1 findings (listed), 2 no browser or the browser failed

It drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe:
NUL-terminated JSON on file descriptors 3 and 4), Python's standard library only.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import zlib

MINIMUM_PX = 11.0
# A4 less the page margins of the print style (14 mm each side): the print layout width.
A4_CONTENT_PX = round((210 - 28) / 25.4 * 96)

MEASURE = r"""
(() => {
  const out = {small: [], wraps: [], texts: 0, minimum: null,
               pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
               height: Math.ceil(document.documentElement.scrollHeight)};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest("script, style, title")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
    if (lines.length === 0) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.getScreenCTM()) {
      const m = el.getScreenCTM();
      size *= Math.sqrt(m.a * m.a + m.b * m.b);
    }
    out.texts++;
    if (out.minimum === null || size < out.minimum) out.minimum = size;
    if (size < %MIN% - 0.005) out.small.push({text: text.slice(0, 40), px: Math.round(size * 100) / 100, tag: el.tagName.toLowerCase()});
    const chars = Array.from(text).length;
    if (el.closest("td, th") && chars >= 3 && lines.length >= Math.ceil(chars / 2)) {
      out.wraps.push({text: text.slice(0, 40), lines: lines.length});
    }
  }
  const wide = Array.from(document.querySelectorAll("table, figure, svg, p, h1, h2, h3, li"))
    .find(e => e.getBoundingClientRect().right > window.innerWidth + 1);
  out.widest = wide ? wide.tagName.toLowerCase() + ": " + wide.textContent.trim().slice(0, 40) : null;
  return out;
})()
""".replace("%MIN%", str(MINIMUM_PX))

# Clicks every header of every sortable table twice (ascending, then descending) and
# says where the rows do not come out in that order: numbers by value, text as the
# page's collation orders it.
SORT = r"""
(() => {
  const wrong = [];
  const number = t => { const v = parseFloat(t); return isNaN(v) ? -Infinity : v; };
  document.querySelectorAll("table.sortable").forEach((table, t) => {
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach((th, column) => {
      const button = th.querySelector("button.sort");
      if (!button) { wrong.push("table " + (t + 1) + ": header " + th.textContent + " has no sort button"); return; }
      const numeric = th.classList.contains("n");
      for (const direction of [1, -1]) {
        button.click();
        const cells = Array.from(table.tBodies[0].rows).map(r => r.cells[column] ? r.cells[column].textContent : "");
        for (let i = 1; i < cells.length; i++) {
          const order = numeric ? Math.sign(number(cells[i - 1]) - number(cells[i]) || 0) : cells[i - 1].localeCompare(cells[i], "zh-CN");
          if (order * direction > 0) {
            wrong.push("table " + (t + 1) + ", column " + th.textContent + (direction > 0 ? " ascending" : " descending") +
                       ": " + cells[i - 1] + " before " + cells[i]);
            break;
          }
        }
      }
    });
  });
  return wrong;
})()
"""


class Browser:
    def __init__(self, binary):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
             "--user-data-dir=" + os.environ.get("TMPDIR", "/tmp") + "/vault-render-%d" % os.getpid(), "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"].get("message")))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[i]
                return event
        while True:
            event = self.read_message()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def pages_without_footer(data, bottom_margin_pt=18 / 25.4 * 72):
    """The pages of the PDF that draw no text in their bottom margin, where the print
    style puts the page number; None where the PDF's pages cannot be read (not one
    stream per page, or not Flate-compressed), so the check is skipped, never guessed.
    Each page's content is followed through `q`/`Q` and `cm`, and each `Tm` gives
    where text starts, in points from the bottom of the page."""
    def times(a, b):
        return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
                a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])
    operator = re.compile(rb"((?:-?[0-9.]+\s+){6})(cm|Tm)\b|(?<![A-Za-z])([qQ])(?![A-Za-z])")
    missing, index = [], 0
    for page in re.finditer(rb"/Type /Page\n(?:(?!endobj).)*?/Contents (\d+) 0 R", data, re.S):
        index += 1
        found = re.search(rb"\n%d 0 obj\n.*?stream\r?\n(.*?)endstream" % int(page.group(1)), data, re.S)
        try:
            content = zlib.decompress(found.group(1)) if found else None
        except zlib.error:
            content = None
        if content is None:
            return None
        ctm, stack, footer = (1, 0, 0, 1, 0, 0), [], False
        for m in operator.finditer(content):
            if m.group(3) == b"q":
                stack.append(ctm)
            elif m.group(3) == b"Q":
                ctm = stack.pop() if stack else ctm
            else:
                matrix = tuple(float(v) for v in m.group(1).split())
                if m.group(2) == b"cm":
                    ctm = times(matrix, ctm)
                elif 0 < times(matrix, ctm)[5] < bottom_margin_pt:
                    footer = True
        if not footer:
            missing.append(index)
    return missing if index else None


def problems_of(page_messages):
    found = []
    for event in page_messages:
        method = event.get("method")
        if method == "Runtime.consoleAPICalled":
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in event["params"].get("args", []))
            found.append("the page logged: " + args)
        elif method == "Runtime.exceptionThrown":
            details = event["params"]["exceptionDetails"]
            found.append("the page threw: " + details.get("exception", {}).get("description", details.get("text", "")))
    return found


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    page, outdir = os.path.abspath(sys.argv[1]), sys.argv[2]
    name = sys.argv[3] if len(sys.argv) == 4 else os.path.splitext(os.path.basename(page))[0]
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        print("check-render: chromium not found; install it with: apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    if not os.path.isfile(page):
        print("check-render: %s: no such file" % page, file=sys.stderr)
        return 2
    os.makedirs(outdir, exist_ok=True)
    browser = Browser(binary)
    findings = []
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable"):
            browser.call(domain, session)
        layouts = [("phone", 390, "screen"), ("screen", 1000, "screen"), ("print", A4_CONTENT_PX, "print")]
        for label, width, media in layouts:
            browser.call("Emulation.setEmulatedMedia", session, media=media)
            browser.call("Emulation.setDeviceMetricsOverride", session, width=width, height=800,
                         deviceScaleFactor=1, mobile=(label == "phone"))
            browser.call("Page.navigate", session, url="file://" + page)
            browser.wait_for("Page.loadEventFired")
            measured = browser.call("Runtime.evaluate", session, expression=MEASURE, returnByValue=True)["result"]["value"]
            where = "%s (%d px, %s)" % (label, width, media)
            for small in measured["small"]:
                findings.append("%s: text at %.2f px (under %g px) in <%s>: %s" % (where, small["px"], MINIMUM_PX, small["tag"], small["text"]))
            for wrap in measured["wraps"]:
                findings.append("%s: a table cell wraps one character a line (%d lines): %s" % (where, wrap["lines"], wrap["text"]))
            if measured["pageWidth"] > measured["viewport"] + 1:
                findings.append("%s: the page is %d px wide, wider than the %d-px screen: it scrolls sideways as a whole (first too wide: %s)"
                                % (where, measured["pageWidth"], measured["viewport"], measured["widest"]))
            if media == "screen":
                browser.call("Emulation.setDeviceMetricsOverride", session, width=width, height=min(measured["height"], 16000),
                             deviceScaleFactor=1, mobile=(label == "phone"))
                shot = browser.call("Page.captureScreenshot", session, format="png")["data"]
                path = os.path.join(outdir, "%s-%d.png" % (name, width))
                with open(path, "wb") as f:
                    f.write(base64.b64decode(shot))
                print("check-render: %s: %d texts, smallest %.2f px; %s" % (where, measured["texts"], measured["minimum"] or 0, path))
            else:
                print("check-render: %s: %d texts, smallest %.2f px" % (where, measured["texts"], measured["minimum"] or 0))
            if label == "screen":
                wrong = browser.call("Runtime.evaluate", session, expression=SORT, returnByValue=True)["result"]["value"]
                findings += ["%s: sorting: %s" % (where, w) for w in wrong]
        pdf = browser.call("Page.printToPDF", session, preferCSSPageSize=True, printBackground=True)["data"]
        data = base64.b64decode(pdf)
        path = os.path.join(outdir, name + ".pdf")
        with open(path, "wb") as f:
            f.write(data)
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        # A4 is 595 x 842 points; Letter (612 x 792), the browser's default, means the page's @page size was lost.
        for box in sorted(set(re.findall(rb"/MediaBox \[([0-9. ]+)\]", data))):
            x0, y0, x1, y1 = (float(v) for v in box.split())
            if abs((x1 - x0) - 595.3) > 2 or abs((y1 - y0) - 841.9) > 2:
                findings.append("print: a page of %.0f x %.0f points, not A4 (595 x 842)" % (x1 - x0, y1 - y0))
        footless = pages_without_footer(data)
        if footless is None:
            print("check-render: print: could not read the page numbers from this PDF's layout; not checked")
        elif footless:
            findings.append("print: no page number (no text in the bottom margin) on page %s" % ", ".join(map(str, footless)))
        print("check-render: print: %s, %d A4 pages%s" % (path, pages, ", each numbered" if footless == [] else ""))
        findings += problems_of(browser.events)
    except (RuntimeError, OSError, KeyError) as error:
        print("check-render: the browser failed: %s" % error, file=sys.stderr)
        return 2
    finally:
        browser.close()
    for finding in findings:
        print("%s: %s" % (sys.argv[1], finding))
    if findings:
        print("check-render: %d findings" % len(findings), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
