"""The doors in and out: the YAML door, the one converter and its DOCUMENTS table,
JSON Schema, redaction."""
