"""What a text has named so far, for the short forms that point back to it: a surname for the full
name ("Jensen" -> "Clara Jensen"), a one-word name for the body written in full ("Hoshino" ->
"Hoshino Motors"), "the company" for the business a sentence or its paragraph names.

:class:`NameMemory` is the part of :class:`attribution.SpeakerContext` that remembers names;
the context adds who spoke and resolves each sentence's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimreview.extract.bodies import business_run, subject_name
from claimreview.extract.lookback import titled_person
from claimreview.extract.mentions import mentions, strip_dateline
from claimreview.extract.names import CAMEL, NOT_FIRST_NAMES, TITLES, is_org, other_kind
from claimreview.extract.sources import mask_quotes

MAX_ANTECEDENTS = 50


@dataclass(slots=True)
class NameMemory:
    """Names the earlier sentences of one text wrote, and what speakers they had."""

    # Every speaker, most recent last, with the words that can point back to it ("governor" for
    # "Provincial governor Saeed Karimi"): antecedents for "the governor said".
    mentions: list[tuple[str, bool, bool, str]] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    earlier: list[str] = field(default_factory=list)
    # surname -> how many earlier sentences were already searched for its first name
    scanned: dict[str, int] = field(default_factory=dict)
    # Earlier sentences of the current paragraph (for "the company said"), with their speakers
    # as (speaker, is organisation, is a name).
    paragraph: list[str] = field(default_factory=list)
    paragraph_speakers: list[tuple[str, bool, bool] | None] = field(default_factory=list)

    def _known_person(self, surname: str) -> str | None:
        full = self._full_name(surname)
        return full if full != surname else None

    def _business(self, sentence: str) -> str | None:
        """What "the company" points to: the business this sentence or its paragraph names, else
        the last organisation named in the text. "Shares in SkyNord rose 8%, the company said":
        a sentence-initial common noun ("Shares") is not a name."""
        # People have full names; a one-word name that spoke ("Oderkali ... denied") is a body.
        people = {m[0] for m in self.mentions if not m[1] and " " in m[0]}
        spoken = (None, *self.paragraph_speakers[::-1])
        for text, said in zip((sentence, *self.paragraph[::-1]), spoken, strict=True):
            if said is not None:
                name, org, named = said
                if named and (org or (" " not in name and name not in self.full_names.values())):
                    return name
            text = strip_dateline(text)
            subject = subject_name(text)
            if subject and subject not in people:
                # "Shares of Brightmoor fell": a word written earlier as part of a longer name counts.
                expanded = self._expand(subject)
                if " " in expanded or self._name_word(subject):
                    return expanded
            found = mentions(mask_quotes(text), self._known_person)
            # "sold as Arachiva by Nutrova Therapeutics": a name of several words before a lone word.
            bodies = [m for m in found if m.org and m.name not in people]
            for mention in sorted(bodies, key=lambda m: " " not in m.name):
                return mention.name
            if text is sentence:
                # "Profits at Kestrel Foods rose": a name of several words that is no known person.
                for mention in found:
                    if " " in mention.name and mention.name not in people:
                        return mention.name
                run = business_run(text, people)
                if run is not None:
                    return run
        for speaker, org, named, words_ in self.mentions[-MAX_ANTECEDENTS:][::-1]:
            if other_kind(words_, "company", named=named):
                continue  # "the company" is not the Environment Agency that prosecuted it
            # A name without an organisation word ("Vantor Logistics") that reads like a
            # business: several words, the last a plural.
            if (org and named) or (named and " " in speaker and speaker.endswith("s")):
                return speaker
        # "Fjordair will cut 900 jobs, the Norwegian airline said" opening a story: nothing else
        # is named, so the one-word subject is the business ("Shares ..." and other plurals are not).
        subject = subject_name(strip_dateline(sentence))
        if subject and " " not in subject and not subject.endswith("s") and subject not in people:
            return subject
        return None

    def _expand(self, word: str) -> str:
        """A one-word name as first written in full ("Hoshino" -> "Hoshino Motors")."""
        if " " in word:
            return word
        longer = self._longer_name(word)
        if longer is not None:
            return longer[0]
        run = re.compile(re.escape(word) + r"(?:\s+[A-Z][\w'’&-]*)+")
        for text in self.earlier:
            m = run.search(text) if word in text else None
            if m:
                tokens = m.group().split()
                cut = next((i for i, t in enumerate(tokens) if i and t.lower() in TITLES), len(tokens))
                return " ".join(tokens[:cut])
        return word

    def _name_word(self, word: str) -> bool:
        """A single word is a name if it is written capitalised inside some earlier sentence."""
        if is_org([word]) or CAMEL.match(word):
            return True
        inside = re.compile(r"[\w,]\s+" + re.escape(word) + r"\b")
        return any(word in text and inside.search(text) for text in self.earlier)

    def _longer_name(self, word: str) -> tuple[str, bool, bool] | None:
        # "Copernicus said" after "the Copernicus Climate Change Service said".
        for speaker, org, named, _ in self.mentions[-MAX_ANTECEDENTS:][::-1]:
            if named and speaker.startswith(word + " "):
                return speaker, org, named
        return None

    def _person_word(self, word: str) -> bool:
        return word in self.full_names or titled_person(word, self.earlier)

    def _full_name(self, surname: str) -> str:
        if surname in self.full_names:
            return self.full_names[surname]
        # "Finance Minister Clara Jensen, who drafted the plan, ..." then "quoted Jensen as saying".
        pattern = re.compile(r"\b([A-Z][\w'’-]+)\s+" + re.escape(surname) + r"\b")
        start = self.scanned.get(surname, 0)
        self.scanned[surname] = len(self.earlier)
        for sentence in self.earlier[start:]:
            if surname not in sentence:
                continue
            for m in pattern.finditer(sentence):
                first = m.group(1)
                if first.lower() not in TITLES and first.lower() not in NOT_FIRST_NAMES:
                    self.full_names[surname] = f"{first} {surname}"
                    return self.full_names[surname]
        return surname
