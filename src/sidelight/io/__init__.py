"""Reading and writing files. Pure Python, no Qt."""
