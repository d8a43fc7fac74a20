"""Is a sentence worth a fact-checker's time? Noise rules first, then a feature score.

Everything tunable is a module constant so a reviewer can read the policy without the code.
"""

from __future__ import annotations

import math
import re

from claimreview.extract.crowds import crowd_scene
from claimreview.extract.names import holds_office, is_official
from claimreview.extract.noise import DIGIT, WORD, word_count
from claimreview.extract.senses import bill_to_pay, form_of_address, past_inability
from claimreview.extract.spoken import spoken_features
from claimreview.extract.statement import record_features, sentence_words, talk_features
from claimreview.extract.wordlist import words

# --- score: how check-worthy is a sentence that survived the noise rules -----------------------
# A logistic over feature counts, so the score is continuous (ties are rare) and every feature
# that fired is reported as a reason code. Weights were set by hand on the team's evaluation set
# (tests/eval/extraction); bench/quality.py measures them against gold.

BIAS = -2.2
WEIGHTS = {
    "figure": 1.7,  # first figure; more figures add W_MORE_FIGURES each (log-damped)
    "statistic": 0.5,  # percentages, money, units
    "date": 0.35,
    "reporting": 1.1,  # someone else's statement is reported
    "denial": 1.2,  # a claim is disputed: the dispute itself is checkable
    "quoted_opinion": -0.9,  # a direct quotation with no figure: usually colour
    "quoted_fact": 0.9,  # an official's quotation in the past tense: what happened, not a view
    "named_source": 0.35,
    "event": 0.9,  # a verb that asserts something happened or holds ("killed", "controls", "cut")
    "comparative": 0.6,
    "causal": 0.5,
    "evidence": 1.0,  # a finding weighs for or against a claim ("adds weight to", "suggests that")
    "assertion": 0.7,  # a named place or body said to be or have something ("Saqqara was the ...")
    "legal": 0.5,
    "entity": 0.25,  # per distinct capitalised name, up to MAX_ENTITIES
    "hedge": -0.6,
    "opinion": -1.4,
    "chitchat": -2.5,
    "first_person_view": -0.9,
    # What kind of statement (extract/statement.py): a record of what happened or holds ...
    "past_fact": 0.6,  # a past or perfect verb, the sentence about others
    "record": 0.6,  # votes, positions, money given: a public record
    "source": 0.9,  # a source cited inside the sentence ("according to", "the figures show")
    "negated": 0.9,  # "has never been inspected", "did not release": a negated fact
    "correction": 0.8,  # "was cut by the legislature, not by the department": who did it, corrected
    # ... or talk around it, where a figure is no measurement ("in my first 100 days I will").
    "promise": -1.3,
    "future": -0.5,
    "address": -1.0,  # to someone present: "you know what it costs"
    "appeal": -1.2,  # a call on someone present: "Remember to vote", "Treasurer X, 30 seconds"
    "procedure": -1.0,  # the event's running order: seconds left, page 4, the next question
    "personal": -1.2,  # a person's own life: family, birth, age, someone met, "she told me"
    "speaker_act": -0.9,  # the speaker's own mind or act: "I remember", "I pay tribute", "I invite"
    "conditional": -0.8,  # "If her bill has tripled, ...": a supposition
    "proportion": 0.8,  # a share in words: "most of", "the majority of"
    "scene": -1.2,  # the reporter's picture of a crowd: "Customers queued outside the shops"
    # Who speaks, in a transcript (extract/roles.py): the framing of a question, not a claim.
    "schedule": -1.0,  # the event's calendar in a transcript: "early voting starts on the 9th"
    "moderator": -1.5,  # the moderator's, host's or interviewer's premise, introduction or link
    "floor": -1.5,  # a question or story from the floor: audience, caller, reporter at a briefing
}
# In these a figure or a date belongs to the talk ("two kids", "30 seconds", "my first 100 days").
TALK = ("promise", "procedure", "personal", "appeal", "scene")
# In a transcript a supposition and the event's calendar are talk too: "If her bill has tripled,
# ...", "voting opens at 7". (Someone else's plan is not: "The city will spend 412 million next
# year" is a budget figure to check.)
SPOKEN_TALK = (*TALK, "conditional", "schedule")
# A moderator's or questioner's sentence keeps none of the features that speak for a claim: what
# makes "Inflation hit 9% last year" check-worthy in a guest's mouth is the premise of a question
# in the host's.
ROLES = ("moderator", "floor")
# ... and so does what happens in it ("Talk to your cousin who hasn't voted since 2008").
TALK_DROPS = ("figure", "statistic", "more_figures", "date", "event", "past_fact", "record", "negated")
W_MORE_FIGURES = 0.3
MAX_ENTITIES = 3
# Longer sentences carry more checkable detail; a small log term also breaks ties.
W_LENGTH = 0.12
# Sentences with the same features and word count still differ in how long their words are: names,
# institutions and technical terms are long, chit-chat is short. A small term, centred on the
# usual average word length, that breaks such ties.
W_WORD_LENGTH = 0.15
USUAL_WORD_LENGTH = 5.5
KEEP_THRESHOLD = 0.25

NUMBER_WORDS = words("""
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion billions trillion dozen dozens half third quarter
    double doubled tripled halved twice
    """)
# Percentages, money and units; "per cent" shows up as the word "cent".
MEASURE_SYMBOLS = frozenset("%$€£¥₹")
MEASURE_WORDS = words("""
    percent cent percentage dollar dollars euro euros pound pounds yuan yen rupee rupees reais pesos
    crowns km kilometre kilometres kilometer kilometers mile miles metre metres meter meters
    millimetres millimeters centimetres kg kilogram kilograms tonne tonnes ton tons litre litres liter
    liters hectare hectares acre acres megawatts mw gw barrel barrels degrees gdp
    """)
# Case-sensitive, like HEDGES: "May" the month, "may" the hedge.
DATE_WORDS = words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday yesterday today tonight
    """)
# YEAR, AGE and CAPITALISED open with a literal or a character class and check what comes before
# it behind it: the regex engine then skips to the next candidate instead of trying every position.
YEAR = re.compile(r"(?:1[89]|20)(?<!\w\d\d)\d\d\b")
# A person's age in apposition ("Lea Frei, 17,") is not a statistic.
AGE = re.compile(r", (?<=[A-Za-z], )\d{1,2}(?=[,.]|$)")
# "I am 74", "aged 58": an age told in the first person (looked for only when "I" or "aged" is there).
OWN_AGE = re.compile(r"\b(?:I am|I'm|I’m|I was|aged)\s+\d{1,2}\b")
FIGURE = re.compile(r"\d[\d,.]*")
EVENT_VERBS = words("""
    control controls controlled hold holds held surround surrounds surrounded kill kills killed
    die dies died injure injured wound wounded agree agrees agreed approve approves approved
    sign signs signed win wins won lose loses lost rise rises rose risen fall falls fell fallen
    increase increased increases decrease decreased decreases cut cuts grow grew grown drop dropped
    reach reached reaches leave left return returned returns displace displaced flee fled
    arrest arrested charge charged launch launched close closed closes open opened ban banned
    seize seized capture captured destroy destroyed damage damaged evacuate evacuated burned
    refuse refused refuses accuse accused admit admitted vote voted pass passed spend spent
    cost costs paid pay pays owe owes own owns owned employ employs employed account accounts
    built build created create hired trains train covers cover treated recorded recovered found
    detected exchanged freed released resigned sentenced approved struck hit collapsed trapped
    drowned rescued restored repaired fallen dropped slid reduced pumped carried reported
    slow slows slowed boost boosts boosted raise raises raised lower lowers lowered worsen worsened
    ease eased delay delays delayed move moved advance advanced retreat retreated withdraw withdrew
    order orders ordered
    """)
# Findings that weigh on a claim, with the claim as a "that" clause: the finding is itself
# checkable ("the data suggest that ...", "adds weight to the theory that ...").
EVIDENCE = re.compile(
    r"\b(?:evidence|theory|hypothesis|view|suggests?|suggested|shows?|showed|shown|proves?|proved"
    r"|indicates?|indicated|confirms?|confirmed|contradicts?|contradicted)\s+that\b"
)
# Publishing findings is itself checkable: where and when a study appeared.
PUBLISHED = re.compile(
    r"\b(?:findings|results|study|research|paper|data|analysis|report|trial)\s+(?:(?:was|were|is|are|has|have"
    r"|been|will|be)\s+)+published\s+(?:in|on|by)\b"
)

# Word sets, not regexes: set intersection on the sentence's words is several times cheaper.
COMPARATIVE = words("""
    more less fewer higher lower bigger smaller larger longer shorter faster slower worse better than
    most least highest lowest biggest largest smallest steepest worst record first only every since
    double doubled tripled halved twice times
    """)
CAUSAL = words(
    "because cause caused causes due led leads result resulted blame blamed driver linked therefore after"
)
LEGAL = words("""
    law laws bill court courts guilty sentenced convicted illegal unlawful constitution constitutional
    charge charges verdict prosecutor prosecutors treaty ruling ruled legislation regulation referendum arson
    """)
DENIAL = words("untrue false lie deny denies denied dispute disputed disputes rejected rejects")
FIRST_PERSON = words("I me my we We us our Our My")
# Someone speaking for themselves, not for a body: "I pay", "my rent" (but not "we", "our").
FIRST_SINGULAR = words("I me my My")
# Past forms without "-ed" ("saw", "were"); "-ed" words are found by their ending.
PAST_FORMS = words("""
    was were had did saw knew went took gave made lost left came kept began ran rose fell paid sold
    bought thought found told said sent led won hit cut put set
    """)
ED_WORD = re.compile(r"\b\w{3,}ed\b")
MODALS = words("will would shall should must can cannot won wouldn")
# A quotation with these is a view or a feeling, whatever its tense.
NOT_FACT = frozenset({"opinion", "first_person_view", "hedge", "chitchat"})
WHERE = re.compile(r"\s(?:at|on|in|for|from|of|with|near|outside|inside|[a-z]+ing)\s")
RELATIVE = re.compile(r",\s+(?:who|whose|which|whom)\b")
QUOTE_OPEN = re.compile(r"^\W{0,2}[\"“«]")
QUOTE_CLOSERS = ('"', "”", "»")
HEDGES = words("may might could would should perhaps possibly probably hope hopes likely")
# In reported speech the modal belongs to what was said ("said it would close", "warned that
# rents could slow growth"): the statement is checkable, the reporter is not hedging.
REPORTED_FUTURE = words("would should could may might")
UNREPORTED_HEDGES = HEDGES - REPORTED_FUTURE
OPINION_WORDS = words("""
    believe feel proud shameful shame cowardice cowardly honourable honorable heartbreaking wonderful
    great terrible awful disgrace disgraceful betrayal deserve deserves deserved historic sad tragic
    worried worry hope beautiful horrible outrageous best worst pleasure thrilled delighted amazing
    must spoken justice praying
    tears helpless panicking panic scared afraid frightened terrified angry furious heartbroken
    devastated relieved shocked desperate hopeless lonely exhausted feels felt grateful thankful
    honoured honored sorry glad ashamed embarrassed saddened disappointed humbled appalled horrified
    disgusted dismayed overjoyed heartened hopeful complacent confident optimistic pessimistic
    honor honour tired
    """)
CHITCHAT = re.compile(
    r"^\W*(?:thank(?:s| you)|good (?:morning|evening|afternoon|night)|welcome\b|hello\b|hi\b"
    r"|okay\b|ok\b|please\b|let me\b|let's\b|we'll move on|i'd (?:ask|like)|god bless|may god\b"
    r"|it's (?:great|a pleasure)|folks\b)",
    re.IGNORECASE,
)
# "to return it", "their own streets": an event word that asserts nothing happened.
POSSESSIVES = words("my your his her its our their s own")
FIRST_PERSON_VIEW = re.compile(r"\b(?:I|we) (?:believe|think|feel|hope|am|want|will|would|must)\b")
# Verbs that state what a named place or body is or has: "Kythira lies on a shipping lane",
# "Ecuador has become a transit route", "Bogota gets its water from ...".
STATE_VERBS = words("""
    is are was were has have had lies lie lay remains remain remained became becomes gets get
    produces produce accounts supplies supply borders hosts contains includes ranks exports imports
    relies depends holds owns employs
    """)
# How far into the sentence the verb of a named subject may come ("South Africa's Free State is").
ASSERTION_REACH = 4
# Sentence-initial capitals that are not names.
NOT_NAMES = words("""
    a an the he she it they we i you this that these those there here but and or so yet in on at
    for of by as if when while after before since during from to with without mr mrs ms dr his her
    its their our my your some many most all several according despite although though however
    """)
CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]*")  # a capital not inside a word


# Every lowercased word -> the vocabularies it belongs to: one dict lookup per word instead of one
# set intersection per vocabulary.
VOCABULARIES = {
    "number": NUMBER_WORDS,
    "measure": MEASURE_WORDS,
    "event": EVENT_VERBS,
    "denial": DENIAL,
    "comparative": COMPARATIVE,
    "causal": CAUSAL,
    "legal": LEGAL,
}
VOCABULARY_OF: dict[str, frozenset[str]] = {}
for _name, _vocabulary in VOCABULARIES.items():
    for _word in _vocabulary:
        VOCABULARY_OF[_word] = VOCABULARY_OF.get(_word, frozenset()) | {_name}
VOCABULARY_WORDS = frozenset(VOCABULARY_OF)


def features(
    sentence: str,
    *,
    attributed: bool,
    named: bool,
    tokens: list[str] | None = None,
    spoken: bool = False,
    role: str | None = None,
) -> dict[str, float]:
    """Counts of the features :func:`score` weighs (only those present).

    ``spoken``: the sentence is from a transcript's turn (no reporter; "Name, ..." addresses someone);
    ``role``: its speaker's role there, one of ROLES (:mod:`claimreview.extract.roles`), if any.
    """
    found: dict[str, float] = {}
    words_ = WORD.findall(sentence) if tokens is None else tokens
    unique = set(words_)
    hits: set[str] = set()
    numbers = 0
    # One set intersection finds the few words in any vocabulary; only those are looked up.
    lowered = frozenset(map(str.lower, unique))
    for w in VOCABULARY_WORDS.intersection(lowered):
        tags = VOCABULARY_OF[w]
        hits |= tags
        numbers += "number" in tags
    digits = DIGIT.search(sentence) is not None
    own_age = digits and ("I" in unique or "aged" in unique)
    plain = OWN_AGE.sub("", sentence) if own_age else sentence
    figures = FIGURE.findall(AGE.sub("", plain)) if digits else []
    count = len(figures) + numbers
    if count:
        found["figure"] = 1.0
        if "measure" in hits or not MEASURE_SYMBOLS.isdisjoint(sentence):
            found["statistic"] = 1.0
    if not unique.isdisjoint(DATE_WORDS) or (digits and YEAR.search(sentence)):
        found["date"] = 1.0
    if attributed:
        found["reporting"] = 1.0
        if named:
            found["named_source"] = 1.0
    # "to return it", "to save them": an action wished for or advised has not happened.
    if "event" in hits and (("to" not in unique and "own" not in lowered) or _event_not_infinitive(words_)):
        found["event"] = 1.0
    if _named_subject_state(words_) and not QUOTE_OPEN.match(sentence):
        found["assertion"] = 1.0
    if "denial" in hits or "not true" in sentence:
        found["denial"] = 1.0
    if attributed and not count and QUOTE_OPEN.match(sentence):
        found["quoted_opinion"] = 1.0
    for name in ("comparative", "causal", "legal"):
        if name in hits:
            found[name] = 1.0
    if "legal" in found and bill_to_pay(sentence, LEGAL.intersection(lowered)):
        del found["legal"]
    if ("that" in unique and EVIDENCE.search(sentence)) or (
        "published" in unique and PUBLISHED.search(sentence)
    ):
        found["evidence"] = 1.0
    capitals = set(CAPITALISED.findall(sentence))
    names = len(capitals) - sum(map(NOT_NAMES.__contains__, map(str.lower, capitals)))
    if names:
        found["entity"] = float(min(names, MAX_ENTITIES))
    hedges = unique.intersection(UNREPORTED_HEDGES if attributed else HEDGES)
    if hedges and not past_inability(sentence, hedges):
        found["hedge"] = 1.0
    opinions = unique.intersection(OPINION_WORDS)
    if opinions and not form_of_address(sentence, opinions):
        found["opinion"] = 1.0
    if CHITCHAT.match(sentence):
        found["chitchat"] = 1.0
    if ("I" in unique or "we" in unique) and FIRST_PERSON_VIEW.search(sentence):
        found["first_person_view"] = 1.0
    if count > 1:
        found["more_figures"] = math.log(count)
    view = sentence_words(sentence, words_, lowered, unique)
    found.update(record_features(view, named="entity" in found))
    talk = talk_features(view, attributed=attributed, spoken=spoken)
    if spoken:
        talk.update(spoken_features(view))
    elif not (attributed or digits) and crowd_scene(words_):
        # "Hundreds of supporters gathered": the number is the scene's. (In a speech, "Thousands
        # queued at food banks" is the speaker's claim.)
        talk["scene"] = 1.0
    if not talk.keys().isdisjoint(SPOKEN_TALK if spoken else TALK):
        for name in TALK_DROPS:
            found.pop(name, None)
    found.update(talk)
    if role is not None:
        found = {name: count for name, count in found.items() if WEIGHTS.get(name, W_MORE_FIGURES) < 0}
        found[role] = 1.0
    return found


def _event_not_infinitive(words_: list[str]) -> bool:
    """An event verb that is neither an infinitive ("to return it") nor "own" after a possessive."""
    for i, w in enumerate(words_):
        lower = w.lower()
        if "event" not in VOCABULARY_OF.get(lower, ()):
            continue
        before = words_[i - 1].lower() if i else ""
        if before != "to" and not (lower == "own" and before in POSSESSIVES):
            return True
    return False


def _named_subject_state(words_: list[str]) -> bool:
    """The sentence opens with a name and says what it is or has ("Saqqara was the burial ground")."""
    if not words_ or not words_[0][:1].isupper() or words_[0].lower() in NOT_NAMES:
        return False
    for word in words_[1 : ASSERTION_REACH + 1]:
        if word in STATE_VERBS:
            return True
        if not (word[:1].isupper() or word == "s"):  # "s" of a possessive ("Kenya's")
            return False
    return False


def _past(quotation: str) -> bool:
    """The quotation says what happened: a verb in the past tense."""
    lowered = quotation.lower()
    tokens = WORD.findall(lowered)
    if not MODALS.isdisjoint(tokens):
        return False  # "We will not be provoked": a pledge, whatever its participle
    return not PAST_FORMS.isdisjoint(tokens) or ED_WORD.search(lowered) is not None


def _singular(tokens: list[str]) -> bool:
    return not FIRST_SINGULAR.isdisjoint(tokens) and "we" not in tokens and "We" not in tokens


def _own_life(quotation: str, speaker_words: str) -> bool:
    """A first-person-singular quotation by someone described by an occupation, not an office."""
    # "an engineer waiting on the platform": where the speaker stands is no office.
    described = WHERE.split(speaker_words, 1)[0]
    return _singular(WORD.findall(quotation)) and is_official(described) and not holds_office(described)


def score(
    sentence: str,
    *,
    attributed: bool,
    named: bool = False,
    tokens: list[str] | None = None,
    official: bool = False,
    spoken: bool = False,
    role: str | None = None,
) -> tuple[float, tuple[str, ...]]:
    """Check-worthiness in 0..1 and the reason codes behind it, strongest first.

    ``official``: the speaker was introduced with an office, a role or as an organisation.
    ``spoken``: the sentence is from a transcript's turn; ``role``: its speaker's role there
    ("moderator", "floor"), if any.
    """
    passer_by = False
    quotation = ""
    if attributed and QUOTE_OPEN.match(sentence):
        # '"We were told nothing," said X, who travels every day': a passer-by's quotation is
        # judged on its own words; the words about the speaker must not make colour look like a
        # claim. An official's or organisation's quotation states a position and stays whole.
        close = max(sentence.rfind(q) for q in QUOTE_CLOSERS)
        # "said nurse X, who has worked at the hospital ...": what the speaker did is not an office.
        speaker_words = RELATIVE.split(sentence[close + 1 :], 1)[0]
        quotation = sentence[: close + 1] if close > 0 else ""
        # "told ANI at the Cuttack hospital": where the speaker was is no office.
        if close > 0 and not official and not is_official(WHERE.split(speaker_words, 1)[0]):
            sentence, tokens = sentence[: close + 1], None
            passer_by = True
        elif close > 0 and _own_life(sentence[: close + 1], speaker_words):
            # '"I fly to Bergen twice a week ...," said X, a consultant': an occupation says what
            # the speaker does; in the first person singular the quotation is their own life.
            sentence, tokens = sentence[: close + 1], None
            passer_by = True
    if tokens is None:
        tokens = WORD.findall(sentence)
    found = features(sentence, attributed=attributed, named=named, tokens=tokens, spoken=spoken, role=role)
    if (
        passer_by
        and not FIRST_PERSON.isdisjoint(tokens)
        and (not DIGIT.search(sentence) or "opinion" in found or _singular(tokens))
    ):
        # "... for 150 years. I cannot believe it ends like this": a feeling, whatever its figures.
        # "I buy one loaf and make it last four days": a count in someone's own life is colour.
        # "I pay 420 euros a month, more than my car cost": what happens and compares in it too.
        # "We have been sitting here since five": what happened to them, told by them, is colour.
        own = ("event", "comparative") if _singular(tokens) else ()
        for name in ("figure", "statistic", "more_figures", "past_fact", "negated", *own):
            found.pop(name, None)
    if quotation and not passer_by and found.keys().isdisjoint(NOT_FACT) and _past(quotation):
        # '"My client never saw a single report ...," he said': an official's or an expert's
        # quotation of what happened is checkable, figure or not.
        found["quoted_fact"] = 1.0
    if passer_by and "figure" not in found:
        # '"There is nothing left to sell," she said': a passer-by's words without a figure are
        # colour; in the first person ("I have not slept since ...") a feeling or an experience.
        found.pop("reporting", None)
        found.pop("named_source", None)  # who the passer-by is adds nothing to check
        if "I" in tokens:
            found["first_person_view"] = 1.0
    length = word_count(sentence, tokens)
    total = BIAS + W_LENGTH * math.log1p(length)
    total += W_WORD_LENGTH * math.log(max(len(sentence), 1) / max(length, 1) / USUAL_WORD_LENGTH)
    for name, count in found.items():
        total += W_MORE_FIGURES * count if name == "more_figures" else WEIGHTS[name] * count
    value = 1.0 / (1.0 + math.exp(-total))
    weights = {n: -abs(WEIGHTS[n] * c) for n, c in found.items() if n != "more_figures"}
    reasons = sorted(weights, key=weights.__getitem__)
    return round(value, 4), tuple(reasons)
