"""The analysis view (issue 4): summary, matrices, cell summaries and frequency charts."""

from app.ui.analysis.window import AnalysisWindow

__all__ = ["AnalysisWindow"]
