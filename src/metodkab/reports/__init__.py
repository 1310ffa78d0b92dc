"""Rules, indicators and report tables: pure functions over data. Never imports textual."""
