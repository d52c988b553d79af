"""Default settings (TOML), shipped as package data."""
