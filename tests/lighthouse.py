"""`make lighthouse`: Lighthouse (mobile) on the site home, a plan home and a chapter page (not a test).

The site is served as a production host serves static files (gzip, long cache for assets) on
localhost; Lighthouse drives Debian's Chromium (CHROME_PATH). Prints each page's scores, writes the
JSON reports to dist/lighthouse/, and exits non-zero when a score is below the bar:
accessibility, best practices and SEO 100, performance 90.

Usage: python tests/lighthouse.py SITE_DIR
"""

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "dist" / "lighthouse"
PAGES = {"site home": "", "plan home": "nmg-2026-plan/", "chapter": "nmg-2026-plan/13/"}
BAR = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


class _ProductionLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, assets cached for a year."""

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=31536000, immutable" if "/assets/" in self.path else "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass


def scores(report: dict) -> dict[str, int]:
    """A report's category scores, 0–100."""
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


def failing_audits(report: dict) -> list[str]:
    """The audits below full marks that count towards a category score."""
    failing = []
    for category in report["categories"].values():
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{category['id']}: {audit['id']} {audit.get('displayValue', '')}".strip())
    return failing


def main(site: str) -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: npm ci --prefix tools", file=sys.stderr)
        return 2
    handler = functools.partial(_ProductionLikeHandler, directory=site)
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    REPORTS.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    status = 0
    try:
        for name, path in PAGES.items():
            output = REPORTS / (name.replace(" ", "-") + ".json")
            subprocess.run(
                [str(LIGHTHOUSE), base + path, "--quiet", "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}",
                 "--output=json", f"--output-path={output}"],
                check=True, env=environment,
            )
            report = json.loads(output.read_text(encoding="utf-8"))
            result = scores(report)
            low = {category: score for category, score in result.items() if score < BAR[category]}
            print(f"{name:<10} /{path:<18} " + "  ".join(f"{category} {score}" for category, score in result.items()))
            for audit in failing_audits(report) if low else ():
                print(f"    {audit}")
            status = status or (1 if low else 0)
    finally:
        server.shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
