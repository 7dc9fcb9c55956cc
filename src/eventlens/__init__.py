"""eventlens: political event data (PLOVER) from news articles in German, English and French."""

from eventlens.pipeline import Pipeline, Settings, extract
from eventlens.records import Article, Document, Event, Failure

__version__ = "0.1.0"
__all__ = ["Article", "Document", "Event", "Failure", "Pipeline", "Settings", "extract", "__version__"]
