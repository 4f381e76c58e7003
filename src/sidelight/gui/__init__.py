"""The Qt layer: turns user actions into core calls and core results into pixels. Nothing else.

This is the only package that imports PySide6.
"""
