"""Match lists as the service keeps them: instant refresh on save, the scheduled recompute, reading a list.

(The engine that ranks people is ``chalicelib/matching``; this feature stores and serves its lists.)

- domain:  ``domain.py`` (``MatchList``, the engine's view of a profile)
- ports:   ``ports.MatchListRepository``, ``ports.SnapshotStore``, ``ports.ExclusionSource``
  (offered by ``chalicelib/mentorships/exclusions.py``)
- services: ``service.py`` (refresh on save, read my list), ``recompute.py`` (the hourly
  schedule), ``index_cache.py`` (the API's copy of the snapshot)
- adapters: ``chalicelib/adapters/dynamo/match_lists.py``, ``chalicelib/adapters/s3_snapshots.py``
- routes:  ``GET /me/matches`` in ``chalicelib/web/match_lists.py``; the ``recompute`` schedule in ``app.py``
"""
