"""The Review panel: reviewers' agreement and the sentences they coded differently."""
