"""The domain core. Nothing in this package may import Qt: everything the window shows is
computed here first, so it can be tested, scripted and reused by the CLI."""
