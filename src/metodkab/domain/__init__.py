"""Domain: value lists, parsers and pydantic models. Never imports textual."""
