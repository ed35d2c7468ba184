"""crosstrain: turns raw essays into a multilingual training site with checked quizzes."""

__version__ = "0.1.0"
