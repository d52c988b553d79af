"""Lexicons and rule tables: data files, shipped as package data."""
