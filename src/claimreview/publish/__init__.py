"""Publishing: approved reviews -> review pages with schema.org ClaimReview markup, an index and feeds.

``rating`` holds the organisation's rating scale, ``settings`` what the site needs from the config,
``claimreview`` builds the markup of one ``PublishedReview`` and ``site`` writes the static site.
Everything here is pure apart from ``site.write_site`` writing its files; the store supplies the data.
"""
