"""Prompt templates, shipped as package data (the package is the repository's prompts/ folder)."""
