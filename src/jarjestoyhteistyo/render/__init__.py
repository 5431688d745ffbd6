"""Pictures and diagrams (Mermaid and DOT text, matplotlib figures), the progress bar, and
findings for CI (GitHub annotations, SARIF: :mod:`~jarjestoyhteistyo.render.annotations`)."""
