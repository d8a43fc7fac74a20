"""Who says so: the speaker of a sentence, from the sentence and the sentences before it.

Speaker format (what callers will see):
- A person or organisation named in the text, without role or title: "Hamza Birqdar" (from
  "Jaish al Islam military spokesman Hamza Birqdar said"), "Jane Roe" (from "Foreign Minister
  Jane Roe said"), "Syrian Observatory for Human Rights" (from "the Syrian Observatory for
  Human Rights (SOHR) says"): leading article and parenthesised acronym dropped.
- A surname alone ("Rudskoy said") becomes the full name seen earlier in the same text
  ("Sergei Rudskoy"), whether or not that earlier mention was attributed.
- A pronoun subject ("He also said", "It said") becomes the last speaker of the same kind
  (he/she: person; it/they: organisation), else the last speaker of any kind.
- A definite description in lower case ("the authority said", "the Britain-based war monitor
  said") becomes the last *named* organisation/person whose name contains its head noun
  ("Metropolitan Transit Authority"), else, for generic heads (monitor, group, spokesman ...),
  the last named one of that kind; "the company/firm/regulator" also the body its own sentence
  or paragraph opens with, or one described that way ("drugmaker Takeda", "Calder Water, the
  region's largest supplier,"). Otherwise an unnamed source is kept as written minus its
  article ("Russian military's general staff", "finance ministry", "police"), with its place
  ("officials in the state of Brandenburg").
- No attribution found: None.

Forms recognised: "X said/says/told/added/denied...", "said X", '"...," X said', "according to
X", "quoted/cited X (, role,) as saying", "X, role, said", "role, X, said", and the pronoun and
description forms above. When a sentence has several, the first in the sentence wins. Words
inside quotation marks never count as attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimreview.extract.bodies import (
    DESCRIBED_REACH,
    DESCRIBED_SUBJECT,
    acted_on,
    described,
    described_phrase,
    speaks_as_body,
    subject_name,
)
from claimreview.extract.heads import described_person, heads
from claimreview.extract.lede import LEDE_SENTENCES, NAMED_WITHIN, LedeSource, names_it, unnamed_lede
from claimreview.extract.lookback import (
    acronym_after,
    acronym_before,
    acronym_name,
    described_name,
    extended_name,
    known_as,
    spelled_out,
    titled_name,
)
from claimreview.extract.memory import MAX_ANTECEDENTS, NameMemory
from claimreview.extract.mentions import (
    Mention,
    gender_of,
    mentions,
    strip_dateline,
    unnamed_subject,
)
from claimreview.extract.names import (
    ANY_PERSON_HEADS,
    ARTICLES,
    BUSINESS_HEADS,
    CAMEL,
    DESCRIPTION_WORDS,
    DESCRIPTOR_HEADS,
    ORG_HEADS,
    ORG_WORDS,
    OVERSEER_HEADS,
    OWNER,
    PERSON_HEADS,
    PUBLIC_BODY_WORDS,
    TITLES,
    acronym_with_kind,
    drop_affiliation,
    drop_seat,
    is_acronym_word,
    is_body_head,
    is_generic,
    is_nationality,
    is_official,
    is_org,
    is_placed,
    is_role,
    join_placed,
    named_with_head,
    other_kind,
    singular,
    stem_in,
    strip_titles,
    trailing_name,
)
from claimreview.extract.owned import WORKS, officer_of, pronoun_owned, speaking_for
from claimreview.extract.sources import QUOTE_OPENERS, find_source, mask_quotes
from claimreview.extract.subjects import WORK_NOUNS, plural_people, unnamed_with_place

__all__ = ["Found", "SpeakerContext", "mask_quotes"]

# Bodies within a body ("the panel", "the chamber"): with no speaker before, the body named last.
NAMED_IN_PASSING_HEADS = frozenset({"panel", "chamber", "tribunal", "bench"})
PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_ORG = frozenset({"it", "they"})
# "According to him", "quoted her as saying": the object form points back the same way.
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
# How many sentences back a "he"/"she" looks for a person named without a reporting verb.
PRONOUN_REACH = 4


@dataclass(frozen=True, slots=True)
class Found:
    speaker: str
    named: bool  # a person or organisation named in the text, not "police" or "officials"
    # introduced with an office, a role or as an organisation ("Mayor Ivo Petrak"), not a passer-by
    official: bool = False


@dataclass(slots=True)
class SpeakerContext(NameMemory):
    """What earlier sentences of the same text said about who is speaking."""

    last: str | None = None
    last_person: str | None = None
    last_org: str | None = None
    # (paragraph, speaker) of the sentence before: a quotation running on inherits its speaker.
    previous: tuple[int, Found | None] = (-1, None)
    # People and organisations named in each recent sentence (speaker first), most recent last.
    named: list[tuple[str, Mention | None, list[Mention | None]]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    officials: set[str] = field(default_factory=set)
    # Sentences attributed so far; the lede's unnamed source (its sentence number, where it sits
    # in ``mentions``, what names it) until the story names it or moves on.
    calls: int = 0
    lede: tuple[int, int, LedeSource] | None = None
    lede_done: bool = False
    # Sentence number -> the speaker it was given once a later sentence named its source.
    renamed: dict[int, str] = field(default_factory=dict)

    def remember(self, speaker: str, *, org: bool, named: bool, phrase: str = "") -> None:
        self.last = speaker
        if org:
            self.last_org = speaker
        else:
            self.last_person = speaker
            parts = speaker.split()
            if named and len(parts) > 1:
                self.full_names.setdefault(parts[-1], speaker)
        # The words are split into heads only if a description ever looks back (_antecedent).
        self.mentions.append((speaker, org, named, f"{phrase} {speaker}"))

    def attribute(self, sentence: str) -> str | None:
        """The speaker of ``sentence`` (or None); remembers it for later pronouns."""
        found = self.attribute_full(sentence)
        return found.speaker if found is not None else None

    def attribute_full(
        self, sentence: str, paragraph: int = -1, tokens: list[str] | None = None
    ) -> Found | None:
        """Like :meth:`attribute`, saying whether the speaker is a name; ``tokens`` are the
        sentence's words (``\\w+``) if the caller has them."""
        if paragraph < 0 or paragraph != self.previous[0]:
            self.paragraph = []
            self.paragraph_speakers = []
        # A dateline names the place and the agency, never the speaker.
        masked = mask_quotes(strip_dateline(sentence))
        raw = find_source(masked, tokens)
        found = None
        org = False
        resolved = None
        if raw is not None:
            resolved = self._resolve(raw, sentence)
            if resolved is not None:
                speaker, org, named = resolved
                phrase, body = described_phrase(masked, raw)
                if named and not org and (body or speaks_as_body(masked, raw)):
                    # "Calder Water, the region's largest supplier, rejected ...": a body.
                    org = True
                    resolved = (speaker, org, named)
                self.remember(speaker, org=org, named=named, phrase=phrase)
                if org or (speaker not in self.officials and is_official(phrase)):
                    self.officials.add(speaker)
                found = Found(speaker, named, speaker in self.officials)
                if not self.lede_done:
                    self._name_lede(raw, found, org, phrase)
        elif paragraph >= 0 and self.previous[0] == paragraph and sentence.lstrip()[:1] in QUOTE_OPENERS:
            # '"We have 40 beds," Dr Roe said. "The rest went north."': the second is Dr Roe's too.
            found = self.previous[1]
        self.previous = (paragraph, found)
        self._note_mentions(masked, found, org, raw)
        self.earlier.append(sentence)
        self.paragraph.append(sentence)
        self.paragraph_speakers.append(resolved)
        self.calls += 1
        return found

    def _name_lede(self, raw: str, found: Found, org: bool, phrase: str) -> None:
        """Note a lede's unnamed source, or the name a later sentence gives it (see :mod:`lede`)."""
        if self.lede is None:
            source = None if found.named or self.calls >= LEDE_SENTENCES else unnamed_lede(raw)
            if source is None:
                self.lede_done = True
            else:
                self.lede = (self.calls, len(self.mentions) - 1, source)
            return
        if not found.named:
            return
        self.lede_done = True
        at, mention, source = self.lede
        if self.calls - at <= NAMED_WITHIN and names_it(source, found.speaker, org, phrase):
            self.renamed[at] = found.speaker
            # A later "the court said" points back to the name, not to the description (whose
            # words, "government scientists", are no longer this source's).
            body = org or source.body_only
            self.mentions[mention] = (found.speaker, body, True, f"{phrase} {found.speaker}")
            if source.body_only:
                self.last_org = found.speaker  # the lede called it a body: "It said" is its

    def _resolve(self, np: str, sentence: str = "") -> tuple[str, bool, bool] | None:
        """(speaker, is organisation, is a name) for a speaker phrase."""
        lowered = np.lower()
        lowered = OBJECT_PRONOUNS.get(lowered, lowered)
        if lowered in PRONOUNS_PERSON:
            # Never an organisation: "he"/"she" with no person before it stays unknown.
            person = self._person_for("f" if lowered == "she" else "m")
            return (person, False, False) if person else None
        if lowered in PRONOUNS_ORG:
            target = self.last_org or self.last
            if lowered == "they" and self.last is not None and plural_people(self.last):
                target = self.last  # "Analysts at X said ... They estimated": the analysts
            if target is None:
                # "The Scottish Government has approved ..., it said": nobody spoke before, so
                # the body the sentence opens with.
                subject = subject_name(strip_dateline(sentence))
                return (subject, True, True) if subject and is_org(subject.split()) else None
            return target, target == self.last_org, False
        possession = pronoun_owned(np)
        if possession is not None:
            # "Its statement said": the body named before; "Her campaign said": hers.
            pronoun, what, itself = possession
            whose = self._resolve(pronoun, sentence)
            if whose is None or itself:
                return whose
            if not whose[1]:
                return speaking_for(whose[0], what), True, False
        tokens = join_placed(np.split())
        # "the agency", and "World football's governing body" (a possessive of a common noun, whose
        # own modifiers may be capitalised)
        owned = -1
        if "'" in np or "’" in np:
            owned = next((i for i, t in enumerate(tokens[:-1]) if t[:1].islower() and OWNER.search(t)), -1)
        definite = tokens[0].lower() == "the" or owned >= 0
        bare = tokens[1:] if tokens[0].lower() in ARTICLES else tokens
        if unnamed_with_place(bare, indefinite=tokens[0].lower() in ("a", "an")):
            # "officials in the state of Brandenburg": the place's name does not speak.
            return " ".join(bare), singular(bare[0].lower()) in ORG_WORDS, False
        if "(" in sentence and tokens[-1][:1].islower() and (acronym := acronym_before(tokens[-1], sentence)):
            # "the UK Maritime Trade Operations (UKMTO) agency": the name, not its kind.
            spelled = spelled_out(tokens[:-1], acronym)
            if spelled:
                return " ".join(spelled), True, True
        if "(" in sentence and (acronym := acronym_after(np, sentence)):
            # "The European Union Mission in Armenia (EUMA)": every word the acronym spells.
            spelled = spelled_out(tokens, acronym)
            # "the Joint Chiefs of Staff (JCS)": one body, not chiefs "of" a staff
            if spelled and len(spelled) >= len(trailing_name(tokens)):
                return " ".join(spelled), True, True
        tokens = drop_seat(tokens)  # after the acronyms: "Organisation for Security in Europe (OSE)"
        name = trailing_name(tokens)
        if len(name) > 1 and is_placed(name[0]):
            # "Athens-based Poseidon Bulk Management": a body, named after its base
            return " ".join(name[1:]), True, True
        if len(name) == 1 and (is_acronym_word(name[0]) or CAMEL.match(name[0])):
            # "KAI said" after "Korea Aerospace Industries (KAI)", "TurkStat said": the name in full.
            full = acronym_name(name[0], self.earlier, self.mentions)
            if full != name[0]:
                return full, True, True
        # "The Governor said": a title alone is a description, not a name.
        if name and definite and all(t.lower() in DESCRIPTION_WORDS for t in name):
            tokens = [tokens[0]] + [t.lower() if t in name else t for t in tokens[1:]]
            name = []
        if name:
            # "Japanese drugmaker Takeda", "Grid operator Red Electrica": a body, by its description.
            described = len(name) < len(tokens) and is_body_head(tokens[-len(name) - 1])
            if (
                len(name) > 1
                and name[0].lower() in DESCRIPTOR_HEADS
                and strip_dateline(sentence).lstrip().startswith(name[0] + " ")
            ):
                # "Operator Kansai Electric Power said": capitalised only because it opens the sentence.
                name, described = name[1:], True
            owner = OWNER.sub("", name[0])
            if len(name) > 2 and owner != name[0] and is_org(name[1:]) and self._person_word(owner):
                # "Kaunda's Malawi Congress Party": the party, not its leader's possessive.
                name = name[1:]
            name = drop_affiliation(name)
            stripped = strip_titles(name)
            if described:
                return " ".join(name), True, True
            if len(stripped) == 1:
                full = self._full_name(stripped[0])
                if full != stripped[0]:
                    return full, False, True
                longer = self._longer_name(stripped[0]) or described_name(stripped[0], self.earlier)
                if longer is not None:
                    return longer
                if (alias := known_as(stripped[0], self.earlier)) is not None:
                    return alias, True, True  # "Ruokavirasto said" after "..., known as Ruokavirasto,"
                # "General Motors" and an unknown "Mayor Petrak" keep their first word.
                stripped = name
            return " ".join(stripped), is_org(stripped), True
        if tokens[0].lower() in ARTICLES:
            tokens = tokens[1:]
        if not tokens:
            return None
        head = singular(tokens[-1].lower())
        if (
            definite
            and all(is_generic(t) or is_nationality(t) or i < owned for i, t in enumerate(tokens[:-1]))
            and is_generic(tokens[-1])
        ):
            antecedent = self._antecedent(head, sentence, tokens)
            if antecedent is not None:
                return antecedent
        # "The San Francisco company said": where it sits, then what it is (not the place itself).
        capitalised = all(t[:1].isupper() for t in tokens[:-1])
        if definite and head in BUSINESS_HEADS and capitalised and (business := self._business("")):
            return business, True, True
        if (acronym := acronym_with_kind(tokens)) is not None:
            return acronym, True, True  # "The VDA automotive industry association said"
        if definite and (body := officer_of(tokens)) is not None:
            # "The commission's chairman said", no chairman named before: the commission speaks.
            found = self._resolve(body, sentence)
            if found is not None and found[1] and found[2]:
                return found
        return " ".join(tokens), head in ORG_WORDS or head in ORG_HEADS, False

    def _note_mentions(self, masked: str, found: Found | None, org: bool, raw: str | None) -> None:
        """Remember who this sentence names (its speaker first) for later pronouns."""
        speaker = None
        if found is not None and raw is not None:
            cue = raw.split()[0] if raw.split() else ""
            speaker = Mention(found.speaker, org, gender_of(found.speaker, cue))
            if raw.lower() in PRONOUNS_PERSON and not org:
                self.genders.setdefault(found.speaker, "f" if raw.lower() == "she" else "m")
        else:
            # "The public health agency recorded ...": a body described as a subject is what a
            # later "the agency said" points back to, verb of saying or not.
            body = DESCRIBED_SUBJECT.match(masked)
            if body and ((head := singular(body.group(2))) in ORG_HEADS or head in ORG_WORDS):
                self.mentions.append((body.group(1), True, False, body.group(1)))
        # The names themselves are found only if a "he"/"she" looks back (_named_in): most
        # sentences never need them.
        self.named.append((masked, speaker, []))
        del self.named[:-PRONOUN_REACH]

    def _named_in(self, index: int) -> list[Mention]:
        masked, speaker, cache = self.named[index]
        if not cache:
            if speaker is not None:
                cache.append(speaker)
            elif (unnamed := unnamed_subject(masked)) is not None:
                cache.append(unnamed)  # "An aid worker ... described ..." then "she said"
            if not masked.islower():
                cache.extend(mentions(masked, self._known_person))
            cache.append(None)  # marks the list as computed
        return [m for m in cache if m is not None]

    def _person_for(self, gender: str) -> str | None:
        """The person a "he"/"she" points to: the most recent one named, gender allowing."""
        fallback = None
        for index in range(len(self.named) - 1, -1, -1):
            people = [m for m in self._named_in(index) if not m.org]
            # A name's own cue first; a first name's ending only as a hint ("f?").
            wanted = (("f", "f?"), ("",)) if gender == "f" else (("m",), ("", "f?"))
            for allowed in wanted:
                for m in people:
                    if (self.genders.get(m.name) or m.gender) in allowed:
                        return m.name
            if people and fallback is None:
                fallback = people[0].name
        # Gender unknown or against every candidate: the last person, as before.
        return fallback or self.last_person

    def _antecedent(self, head: str, sentence: str, tokens: list[str]) -> tuple[str, bool, bool] | None:
        recent = self.mentions[-MAX_ANTECEDENTS:][::-1]
        # "the shipowner" points back to "the vessel's owner": the head or a word it ends with.
        wanted = {head} | {head[i:] for i in range(1, len(head) - 4)}
        modifiers = {t.lower() for t in tokens[:-1] if not is_placed(t)}
        body = head in ORG_HEADS or head in ORG_WORDS
        for speaker, org, named, words_ in recent:
            said = heads(words_)
            if wanted.isdisjoint(said) or (body and not org and described_person(words_)):
                # "The Commission said" is not the Commission's spokesperson quoted before it.
                continue
            if not named and not modifiers <= said:
                # "the education ministry" is not "the interior ministry" named before it.
                continue
            return speaker, org, named
        lowercase = [t for t in tokens[:-1] if t[:1].islower() and not is_placed(t)]
        if lowercase and body:
            # "The space agency said" after "the Indian Space Research Organisation": the body
            # whose name holds every word of the description.
            for speaker, org, named, words_ in recent:
                if org and named and all(stem_in(m, heads(words_)) for m in lowercase):
                    return speaker, org, named
            if len(lowercase) == 1 and head in BUSINESS_HEADS:
                # "The accounting firm said" after "its auditor, Samil-Daeyang Accounting,": a name
                # ending in the description's word, in this sentence or one shortly before.
                for text in (sentence, *self.earlier[-DESCRIBED_REACH:][::-1]):
                    name = named_with_head(lowercase[0], text)
                    if name is not None:
                        return name, True, True
        if head in WORK_NOUNS or singular(head) + "s" in WORK_NOUNS or head in WORKS:
            # "The survey put the number at ...": the survey a recent sentence credited to someone.
            for masked, spoken, _ in self.named[::-1]:
                if spoken is not None and head in masked.lower():
                    return spoken.name, spoken.org, True
        # "The European Medicines Agency approved it, the agency said": named in the sentence.
        for text in (sentence, *self.earlier[-DESCRIBED_REACH:][::-1]):
            m = named_with_head(head, text)
            # "The central bank" is not "Baltija Credit Bank": every word of the description counts.
            if m and all(stem_in(w, heads(m)) for w in modifiers if w[:1].islower()):
                return m, is_org(m.split()) or not is_role(head), True  # "Region Zealand": a body
        if head in TITLES and len(tokens) == 1:
            # "Judge Helena Duarte sentenced ..." then "the judge wrote": the office's holder.
            person = titled_name(head, (sentence, *self.earlier[-DESCRIBED_REACH:][::-1]))
            if person is not None:
                return self._full_name(person.split()[-1]) if " " not in person else person, False, True
        if is_body_head(head):
            # "The Communications Authority of Kenya fined ..., the regulator said".
            subject = subject_name(strip_dateline(sentence))
            # "World Rowing's panel banned ..., the governing body said": a body is whoever the
            # sentence opens with, unless that is a person.
            if subject in tokens:
                subject = None  # "European football's governing body said": its own adjective
            governing = head == "body" and subject is not None and not self._person_word(subject.split()[-1])
            if subject and (is_org(subject.split()) or governing):
                return subject, True, True
            acted = (
                subject_name(strip_dateline(self.earlier[-1])) if head == "body" and self.earlier else None
            )
            if acted and (" " in acted or is_acronym_word(acted)) and is_org(acted.split()):
                # "UEFA fined Valencia ..." then "European football's governing body said".
                return acted, True, True
            # "Dutch dairy firm Zuivelhoeve ..." then, sentences later, "The firm said".
            for text in (sentence, *self.earlier[-DESCRIBED_REACH:][::-1]):
                name = described(head, text)
                if name is not None:
                    return self._expand(name), True, True
        want_org = head in ORG_HEADS
        if not (want_org or head in PERSON_HEADS):
            return None
        if head in BUSINESS_HEADS:
            # Only what the sentence names before the phrase: "Shares in X fell, the company said";
            # in "The operator said it was working with the X Centre" the centre is someone else.
            at = sentence.find(" ".join(tokens))
            business = self._business(sentence[:at] if at >= 0 else sentence)
            if business is not None:
                return business, True, True
        if head in OVERSEER_HEADS:
            # "The regulator said" after a company and its chief spoke: the public body named last.
            for speaker, org, named, _ in recent:
                if org and named and not PUBLIC_BODY_WORDS.isdisjoint(heads(speaker)):
                    return speaker, org, named
        if len(tokens) == 1 and (want_org or head in ANY_PERSON_HEADS):
            # "the agency", "the spokesman": the last source of that kind. An office ("the
            # mayor") is not whoever spoke last: it needs a mention holding that word.
            # "Fitch Ratings cut X's rating. The agency said": the body that just acted.
            acted = subject_name(strip_dateline(self.earlier[-1])) if want_org and self.earlier else None
            if acted and " " in acted and is_org(acted.split()) and acted != self.last:
                return acted, True, True
            for speaker, org, named, words_ in recent:
                # "the institute" is not "the city's electoral board" that spoke before it, nor
                # "the club" the governing body that fined it.
                if org == want_org and not other_kind(words_, head, named=named):
                    return speaker, org, named
            target = acted_on(head, self.earlier[-DESCRIBED_REACH:], self._known_person) if want_org else None
            if target is not None:
                return self._expand(target), True, True
        elif any(is_placed(t) for t in tokens):
            # "the Britain-based war monitor" describes a named source; "the disaster management
            # agency" is a source of its own.
            for speaker, org, named, _ in recent:
                if named and org == want_org:
                    return speaker, org, named
        if want_org and head in NAMED_IN_PASSING_HEADS:
            # "Judges at the International Criminal Court confirmed ..." then "the three-judge
            # panel said": no body has spoken, so the one a recent sentence named.
            for index in range(len(self.named) - 1, -1, -1):
                bodies = [m.name for m in self._named_in(index) if m.org and " " in m.name]
                if bodies:
                    return extended_name(bodies[0], self.named[index][0]), True, True
        return None
