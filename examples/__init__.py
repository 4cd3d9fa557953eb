"""Bundled example articles, shipped as package data (the repository's examples/ folder)."""
