"""`marsad eval`: scoring extraction output against gold files as GOLD.md's Scoring section says."""

from marsad.evaluation.gold import DEFAULT_ARCHIVE, GoldArticle, aggregate_only, load_gold
from marsad.evaluation.names import names_match
from marsad.evaluation.report import format_table
from marsad.evaluation.score import ArticleError, EvalReport, evaluate, score_articles

__all__ = [
    "DEFAULT_ARCHIVE",
    "ArticleError",
    "EvalReport",
    "aggregate_only",
    "GoldArticle",
    "evaluate",
    "format_table",
    "load_gold",
    "names_match",
    "score_articles",
]
