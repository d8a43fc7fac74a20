"""Published fact-checks (schema.org ClaimReview) in, and matching claims against them.

``parse`` reads every published form into ``FactCheck`` records (pure), ``normalize`` prepares text of
social posts and news sentences alike for retrieval (pure), and ``matcher`` ranks fact-checks for a text.
"""
