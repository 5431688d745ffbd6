"""Pictures and diagrams: Mermaid and DOT text, matplotlib figures."""
