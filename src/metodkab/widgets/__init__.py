"""Reusable widgets: form fields, choosers, tables."""
