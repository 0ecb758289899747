"""The SQLite store: content, audit trail, translations, anonymous usage counts, export, migrations."""
