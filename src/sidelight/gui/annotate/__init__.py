"""Annotating in the window: code picker, highlights, panels, codebook editor."""
