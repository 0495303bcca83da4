"""Civil Service grades, lowest to highest.

Rule: a mentor's grade rank must be at least the mentee's (design: Matching).
"""

GRADES: tuple[str, ...] = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1", "SCS2", "SCS3")
GRADE_RANK: dict[str, int] = {grade: rank for rank, grade in enumerate(GRADES)}
GRADE_LABELS: dict[str, str] = {
    "AA": "Administrative Assistant (AA)",
    "AO": "Administrative Officer (AO)",
    "EO": "Executive Officer (EO)",
    "HEO": "Higher Executive Officer (HEO)",
    "SEO": "Senior Executive Officer (SEO)",
    "G7": "Grade 7",
    "G6": "Grade 6",
    "SCS1": "Senior Civil Service 1 (Deputy Director)",
    "SCS2": "Senior Civil Service 2 (Director)",
    "SCS3": "Senior Civil Service 3 (Director General)",
}
