"""metodkab — «Методический кабинет»: the methodical work of a school, offline."""

__version__ = "0.1.0"
