"""Skills spelled like the ones asked for."""

from chalicelib.mentor_search.nearest import nearest_skills

CANDIDATES = ["Data analysis", "Data engineering", "Public procurement", "Public speaking", "Presenting",
              "Policy development", "Python", "Coaching"]


def test_a_shared_word_counts_before_spelling():
    assert nearest_skills(["Public speaking skills"], CANDIDATES, 2) == ["Public speaking", "Public procurement"]


def test_a_misspelling_finds_the_skill_it_meant():
    assert nearest_skills(["Pythn"], CANDIDATES, 3) == ["Python"]


def test_little_words_and_the_skill_itself_do_not_count():
    assert nearest_skills(["Data analysis"], CANDIDATES, 5) == ["Data engineering"]
    assert nearest_skills(["Art of the deal"], CANDIDATES, 5) == []
