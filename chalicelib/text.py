"""The one text-cleaning rule every schema uses, for every string a person sends.

Rule, in this order:
1. normalise: Unicode NFKC (so look-alike compatibility forms become one form), and in
   multi-line fields ``\\r\\n`` and ``\\r`` become ``\\n``; surrounding white space is trimmed;
2. limit: lengths are checked on the normalised text (60 x U+FDFA is 1,080 characters, not 60);
3. refuse: control and format characters (Unicode Cc, Cf: NUL, ESC, BEL, zero-width spaces,
   right-to-left overrides...), lone surrogates and line/paragraph separators; ``\\n`` and
   ``\\t`` are allowed only in multi-line fields (a bio, a message);
4. names and job titles: no line breaks, no web addresses, and not empty once invisible
   characters (white space, fillers such as U+3164) are removed.

Emails carry only single-line values (``single_line``), whatever was stored before this rule.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from publicsuffixlist import PublicSuffixList
from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
MULTI_LINE_ALLOWED = frozenset("\n\t")
# Characters that show nothing but are letters or symbols to Unicode (so not Cf): Hangul fillers,
# the blank Braille pattern, the combining grapheme joiner and variation selectors.
FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f") | frozenset(chr(c) for c in range(0xFE00, 0xFE10))
SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://|\bwww\.|\bmailto:", re.IGNORECASE)
DOMAIN_LIKE = re.compile(r"[\w-]+(?:\.[\w-]+)+", re.UNICODE)


class TextRefusedError(ValueError):
    """The text breaks the rule (the message says how, in words a person can act on)."""


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    """The Public Suffix List bundled with the package (no network); unknown endings are not domains."""
    return PublicSuffixList(accept_unknown=False)


def normalise(value: str, multiline: bool = False) -> str:
    text = unicodedata.normalize("NFKC", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def refused_character(text: str, multiline: bool) -> str | None:
    """The first character the rule refuses, or None."""
    for char in text:
        if multiline and char in MULTI_LINE_ALLOWED:
            continue
        if unicodedata.category(char) in REFUSED_CATEGORIES:
            return char
    return None


def is_invisible(char: str) -> bool:
    return char.isspace() or char in FILLERS or unicodedata.category(char) in REFUSED_CATEGORIES


def looks_like_web_address(text: str) -> bool:
    """A scheme (https://, mailto:), www., or a registrable domain such as evil.example.com.

    A public suffix on its own is not an address ("Head of GOV.UK" is a job title).
    """
    if SCHEME.search(text):
        return True
    return any(_suffixes().privatesuffix(token.lower()) for token in DOMAIN_LIKE.findall(text))


def clean(value: str, *, max_length: int, min_length: int = 0, multiline: bool = False,
          name: bool = False) -> str:
    """The cleaned text, or TextRefusedError saying what is wrong."""
    text = normalise(value, multiline)
    if len(text) > max_length:
        raise TextRefusedError(f"must be at most {max_length} characters")
    if len(text) < min_length:
        raise TextRefusedError("must not be empty" if min_length == 1 else f"must be at least {min_length} characters")
    bad = refused_character(text, multiline)
    if bad is not None:
        what = "line breaks" if bad in "\n\r\u2028\u2029" else "control or invisible formatting characters"
        raise TextRefusedError(f"must not contain {what} (found U+{ord(bad):04X})")
    if name:
        check_name(text, min_length)
    return text


def check_name(text: str, min_length: int) -> None:
    if min_length and all(is_invisible(char) for char in text):
        raise TextRefusedError("must contain visible characters")
    if looks_like_web_address(text):
        raise TextRefusedError("must not contain a web or email address")


@dataclass(frozen=True)
class CleanText:
    """Pydantic annotation: ``Annotated[str, CleanText(80, 1, name=True)]`` is a string cleaned by
    the rule; its JSON schema states the limits (``minLength``/``maxLength``)."""

    max_length: int
    min_length: int = 0
    multiline: bool = False
    name: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_before_validator_function(
            self._clean, core_schema.str_schema(min_length=self.min_length, max_length=self.max_length, strict=True))

    def _clean(self, value: object) -> object:
        if not isinstance(value, str):
            return value  # the string schema refuses it, with its own message
        return clean(value, max_length=self.max_length, min_length=self.min_length, multiline=self.multiline,
                     name=self.name)


def single_line(value: str, max_length: int = 200) -> str:
    """A value safe to place in an email's subject or a line of its body: one line, no controls."""
    text = "".join(" " if is_invisible(char) else char for char in unicodedata.normalize("NFKC", value))
    return " ".join(text.split())[:max_length]
