"""Finding mentors: search and browse by skill, organisation, grade and location.

Rules (``domain.py``): the same eligibility and block rules as the match lists, except that a
mentor need share nothing with the searcher (browsing finds people the scores would not):
- an available mentor: the mentor role, taking requests, fewer active mentees than their capacity;
- the grade rule: at the searcher's grade or above;
- not the searcher; not blocked either way; no pending or accepted mentorship between them and no
  decline between them in the last 90 days (the journey's exclusions);
- not suspended, not deleted.
The searcher needs a profile (for their grade); the mentee role is needed to ask, not to look.

Scale: no scan per request. A mentor taking requests has one entry per index bucket they belong
to ("all", their organisation, their location, each skill they offer), keyed by grade and user id,
so a search is one range query on one bucket (the grade rule is the key range), read a page at a
time; the other filters and the rules that change without a profile save (capacity, blocks,
standing) are checked on each page's profiles. See ``ports.MentorSearchIndex``.

- domain:  ``domain.py`` (index entries of a profile, the eligibility rule, the query)
- nearest: ``nearest.py`` (skills spelled like the ones asked for: suggestions when none is offered)
- port:    ``ports.MentorSearchIndex``
- service: ``service.py`` (search; keep a profile's entries; facts for an empty list of mentors)
- adapter: ``chalicelib/adapters/dynamo/mentor_search.py``
- routes:  ``GET /mentors`` in ``chalicelib/web/mentor_search.py``
"""
