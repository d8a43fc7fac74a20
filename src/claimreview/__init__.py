"""claimreview: review check-worthy claims extracted from news articles."""

__version__ = "0.1.0"
