"""What each Keras release has: the generated table (``data/keras_api.json``) and its queries.

Names are paths below the Keras root, as :func:`seqlint.frontend.imports.keras_path` gives
them (``layers.LSTM``, ``utils.np_utils``, ``models.Model.fit_generator``). A ``surface`` is
how the code reaches Keras: ``"keras"`` (``import keras``, ``import tf_keras``) or
``"tf.keras"`` (``tensorflow.keras``, which standalone Keras 2.2/2.3 never was). Members and
signatures come from each release's documented API, whichever surface the code uses.

A version is a covered release (``"2.12.0"``), a major.minor (``"2.12"``: its covered
patch), or a major (``"2"``: the latest Keras 2, tf-keras 2.21; ``"3"``: the latest
Keras 3). Every query answers None for a version the table does not cover. The table is
loaded on first use (no TensorFlow, no libcst). docs/keras-versions.md says how it is made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_POLICIES = {"r": "raise", "i": "ignore", "u": "unknown"}


@dataclass(frozen=True)
class Replacement:
    """What replaces a removed name or keyword; ``exact`` when it is a drop-in one."""

    name: str
    exact: bool


@dataclass(frozen=True)
class Signature:
    """A callable's parameters in one release.

    ``parameters`` are tokens as written: ``units`` (required), ``activation=`` (with a
    default), ``/``, ``*`` or ``*args``, ``**kwargs``. ``extra`` are keywords its
    ``**kwargs`` accepts (read from the source: popped, validated or passed on to a base
    class). ``unknown`` says what Keras does with any other keyword: ``"raise"``,
    ``"ignore"`` or ``"unknown"`` (passed on where the source does not say).
    """

    parameters: tuple[str, ...]
    extra: frozenset[str]
    unknown: str

    @property
    def positional(self) -> tuple[str, ...]:
        """Parameters that may be given by position, in order."""
        names = []
        for token in self.parameters:
            if token.startswith("*"):
                break
            if token != "/":
                names.append(token.rstrip("="))
        return tuple(names)

    @property
    def named(self) -> frozenset[str]:
        """Every parameter a keyword can name."""
        return (
            frozenset(t.rstrip("=") for t in self.parameters if not t.startswith("*") and t != "/")
            - self._positional_only
        )

    @property
    def _positional_only(self) -> frozenset[str]:
        if "/" not in self.parameters:
            return frozenset()
        return frozenset(t.rstrip("=") for t in self.parameters[: self.parameters.index("/")])

    @property
    def var_keyword(self) -> bool:
        return any(t.startswith("**") for t in self.parameters)

    def keywords(self) -> frozenset[str]:
        """Keywords known to be accepted: named parameters and ``extra``."""
        return self.named | self.extra

    def accepts(self, keyword: str) -> bool | None:
        """Whether a call may pass ``keyword``; None when the source does not say."""
        if keyword in self.named or keyword in self.extra:
            return True
        if not self.var_keyword or self.unknown == "raise":
            return False
        return True if self.unknown == "ignore" else None


@dataclass(frozen=True)
class PathRule:
    """Keras raises unless the path ends with one of ``suffixes``, when ``when`` holds (the
    source's own condition, ``""`` when none)."""

    suffixes: tuple[str, ...]
    when: str


@cache
def _table() -> dict[str, Any]:
    text = resources.files("seqlint").joinpath("data/keras_api.json").read_text("utf-8")
    return json.loads(text)


@cache
def _ranges(text: str) -> frozenset[int]:
    found: set[int] = set()
    for part in filter(None, text.split(",")):
        start, _, end = part.partition("-")
        found.update(range(int(start), int(end or start) + 1))
    return frozenset(found)


def versions() -> tuple[str, ...]:
    """The covered releases, in the table's order (Keras 2 lines, then Keras 3)."""
    return tuple(_table()["versions"])


def distribution(version: str) -> str | None:
    """``keras`` or ``tf-keras``: the package the release was published as."""
    index = _index(version)
    return None if index is None else _table()["dists"][index]


def resolve_version(version: str) -> str | None:
    """The covered release a version means, or None."""
    index = _index(version)
    return None if index is None else versions()[index]


@cache
def _index(version: str) -> int | None:
    known = versions()
    version = version.strip()
    if version in known:
        return known.index(version)
    parts = version.split(".")
    if not all(p.isdigit() for p in parts):
        return None
    if len(parts) == 1:
        last = [i for i, v in enumerate(known) if v.split(".")[0] == parts[0]]
        return last[-1] if last else None
    minor = [i for i, v in enumerate(known) if v.split(".")[:2] == parts[:2]]
    return minor[0] if minor else None


def _surface_ranges(row: str, surface: str) -> frozenset[int]:
    fields = row.split("|")  # kind | keras ranges [| tf.keras ranges, when they differ]
    if surface == "keras":
        return _ranges(fields[1])
    if len(fields) > 2:
        return _ranges(fields[2])
    return _ranges(fields[1]) & _ranges(_table()["tf_keras"])


def _present(name: str, surface: str) -> frozenset[int] | None:
    """The releases that have ``name`` on ``surface``; None if the table never saw it."""
    table = _table()
    if name in table["names"]:
        return _surface_ranges(table["names"][name], surface)
    if name in table["members"]:
        return _ranges(table["members"][name].partition("|")[2])
    return None


def kind(name: str) -> str | None:
    """module, class, function, value, method, property or attribute."""
    table = _table()
    letters = {
        "m": "module",
        "c": "class",
        "f": "function",
        "v": "value",
        "p": "property",
        "a": "attribute",
    }
    if name in table["names"]:
        return letters[table["names"][name][0]]
    if name in table["members"]:
        letter = table["members"][name][0]
        return "method" if letter == "m" else letters[letter]
    return None


def has(name: str, version: str, surface: str = "keras") -> bool | None:
    """Whether ``version`` has ``name`` on ``surface``.

    A name the table never saw is absent where its parent is a recorded module or class
    (``layers.NoSuchLayer``); otherwise, and for uncovered versions, None.
    """
    index = _index(version)
    if index is None or (surface == "tf.keras" and index not in _ranges(_table()["tf_keras"])):
        return None
    present = _present(name, surface)
    if present is not None:
        return index in present
    parent = name.rpartition(".")[0]
    if not parent:
        return False
    recorded = kind(parent) == "module" or parent in _member_classes()
    return False if recorded and has(parent, version, surface) else None


@cache
def _member_classes() -> frozenset[str]:
    return frozenset(k.rsplit(".", 1)[0] for k in _table()["members"])


def removed_in(name: str, version: str | None = None, surface: str = "keras") -> str | None:
    """The first release without ``name`` after the last one that had it, up to ``version``
    (default: the latest), or None if it was not removed by then."""
    present = _present(name, surface)
    if present is None:
        return None
    end = _index(version) if version is not None else len(versions()) - 1
    if end is None or end in present:
        return None
    earlier = [i for i in present if i < end]
    if not earlier:
        return None
    covered = _ranges(_table()["tf_keras"]) if surface == "tf.keras" else None
    for candidate in range(max(earlier) + 1, end + 1):
        if covered is None or candidate in covered:
            return versions()[candidate]
    return None


def replacement(
    name: str, version: str | None = None, surface: str = "keras"
) -> Replacement | None:
    """What replaces ``name`` (a path, or ``callable(keyword)``), when one is curated; with
    ``version``, only a replacement that release has.

    A pattern's ``*`` matches one path segment and is carried into the value
    (``utils.np_utils.*`` -> ``utils.*``); a path so made counts only if the table knows it
    (``layers.recurrent.LSTM`` -> ``layers.LSTM``, not ``layers.recurrent.RNNCell``...).
    """
    table = _table()["replacements"]
    found = table.get(name)
    if found is None:
        found = _match(name, table)
        if found is None or ("(" not in name and kind(found.lstrip("~")) is None):
            return None
    result = Replacement(found.lstrip("~"), not found.startswith("~"))
    if version is None:
        return result
    if "(" in name:
        callable_ = name.partition("(")[0]
        found_signature = signature(callable_, version)
        accepted = found_signature is not None and found_signature.accepts(result.name)
        return result if accepted else None
    return result if has(result.name, version, surface) else None


def _match(name: str, table: dict[str, str]) -> str | None:
    for pattern, value in table.items():
        if "*" not in pattern:
            continue
        prefix, _, suffix = pattern.partition("*")
        if name.startswith(prefix) and name.endswith(suffix) and len(name) > len(pattern) - 1:
            middle = name[len(prefix) : len(name) - len(suffix)]
            if middle and "." not in middle and "(" not in middle:
                return value.replace("*", middle)
    return None


def signature(name: str, version: str) -> Signature | None:
    """The signature of a class (its constructor), function or method in ``version``."""
    index = _index(version)
    variants = _table()["signatures"].get(name)
    if index is None or variants is None:
        return None
    for spans, encoded in variants:
        if index in _ranges(spans):
            params, extra, policy = encoded.split("|")
            return Signature(tuple(params.split()), frozenset(extra.split()), _POLICIES[policy])
    return None


def has_signature(name: str) -> bool:
    """Whether the table records a signature of ``name`` in some release."""
    return name in _table()["signatures"]


def keywords(name: str, version: str) -> frozenset[str] | None:
    """The keywords ``name`` accepts in ``version`` (named parameters and what its
    ``**kwargs`` takes), or None if the table has no signature for it there."""
    found = signature(name, version)
    return None if found is None else found.keywords()


def path_rules(name: str, version: str) -> tuple[PathRule, ...]:
    """The save-path suffix checks Keras makes in ``name`` (``models.Model.save_weights``,
    ``callbacks.ModelCheckpoint``) in ``version``."""
    index = _index(version)
    variants = _table()["path_rules"].get(name)
    if index is None or variants is None:
        return ()
    for spans, rules in variants:
        if index in _ranges(spans):
            return tuple(PathRule(tuple(suffixes), when) for suffixes, when in rules)
    return ()


# -- what some release lacks (the removed-API rules and the frontend's choice of uses) --------


@cache
def ever_absent(name: str, surface: str = "keras") -> bool:
    """Whether the table knows ``name`` and some covered release of ``surface`` lacks it
    (every use of such a name is worth recording: some target may not have it)."""
    present = _present(name, surface)
    if present is None:
        return False
    covered = _ranges(_table()["tf_keras"]) if surface == "tf.keras" else None
    indices = range(len(versions())) if covered is None else covered
    return any(i not in present for i in indices)


def keyword_ever_rejected(callable_: str, keyword: str) -> bool:
    """Whether some covered release of ``callable_`` rejects ``keyword``, where that is a
    fact of the table: another release accepts it, the replacements name it (``fit``'s
    ``samples_per_epoch``), or a release's signature has no ``**kwargs`` (Python itself
    refuses any other keyword). A keyword no release takes, refused by Keras's own check of
    ``**kwargs``, is not claimed."""
    found = _keyword_releases(callable_, keyword)
    if found is None or not found[1]:
        return False
    accepts, _rejects, strict = found
    curated = f"{callable_}({keyword})"
    return bool(accepts) or bool(strict) or _match_curated(curated)


def keyword_never_accepted(callable_: str, keyword: str) -> bool:
    """Whether no covered release of ``callable_`` accepts ``keyword`` and some refuses it
    (``LSTM(dropout_W=)``, ``LSTM(return_sequence=)``: Keras's check of ``**kwargs``)."""
    found = _keyword_releases(callable_, keyword)
    return found is not None and not found[0] and bool(found[1])


def _match_curated(name: str) -> bool:
    table = _table()["replacements"]
    return name in table or _match(name, table) is not None


@cache
def _keyword_releases(
    callable_: str, keyword: str
) -> tuple[frozenset[int], frozenset[int], frozenset[int]] | None:
    """The releases whose signature of ``callable_`` accepts ``keyword``, those that reject
    it, and those of the latter whose signature has no ``**kwargs`` (None when the table has
    no signature for it)."""
    variants = _table()["signatures"].get(callable_)
    if variants is None:
        return None
    accepts: set[int] = set()
    rejects: set[int] = set()
    strict: set[int] = set()
    for spans, encoded in variants:
        params, extra, policy = encoded.split("|")
        found = Signature(tuple(params.split()), frozenset(extra.split()), _POLICIES[policy])
        verdict = found.accepts(keyword)
        if verdict is True:
            accepts |= _ranges(spans)
        elif verdict is False:
            rejects |= _ranges(spans)
            if not found.var_keyword:
                strict |= _ranges(spans)
    return frozenset(accepts), frozenset(rejects), frozenset(strict)


def keyword_removed_in(callable_: str, keyword: str, version: str) -> str | None:
    """The first release rejecting ``keyword`` after the last one, up to ``version``, that
    accepted it (None when no earlier release accepted it)."""
    found = _keyword_releases(callable_, keyword)
    end = _index(version)
    if found is None or end is None:
        return None
    accepts = found[0]
    earlier = [i for i in accepts if i < end]
    if not earlier:
        return None
    return versions()[max(earlier) + 1]


def keyword_last_accepted(callable_: str, keyword: str) -> str | None:
    """The newest covered release that accepts ``keyword`` (None: none does)."""
    found = _keyword_releases(callable_, keyword)
    if found is None or not found[0]:
        return None
    return versions()[max(found[0])]


def added_in(name: str, version: str, surface: str = "keras") -> str | None:
    """The first release after ``version`` that has ``name`` (None: no later one has it)."""
    present = _present(name, surface)
    start = _index(version)
    if present is None or start is None:
        return None
    later = [i for i in present if i > start]
    return versions()[min(later)] if later else None
