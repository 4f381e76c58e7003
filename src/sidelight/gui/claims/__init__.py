"""Showing claim alignment: highlights in the panes, the claims panel, the pairwise view."""
