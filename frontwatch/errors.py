"""The errors frontwatch raises, each with a message a user can act on."""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base of every error frontwatch raises on purpose."""


class BadInput(FrontwatchError):
    """An input that cannot be read as an article: the message names the input and what is wrong."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class SkippedArticle(BadInput):
    """An article that was read but is not processed (e.g. not in English)."""


class StoreError(FrontwatchError):
    """The store cannot be opened or migrated."""
