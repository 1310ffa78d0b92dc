"""Storage: the SQLite connection, migrations, backups and repositories. Never imports textual."""
