"""Generate the annotated training corpus: train.jsonl, dev.jsonl, heldout.jsonl.

    python corpus/training/generate.py            # rewrites the three JSONL files
    python corpus/training/generate.py --check    # exit 1 if the committed files differ

Sentences come from template *families* (decision-statement remedy lists, summaries,
committee-report status lists, tables, minutes, narrative and boilerplate that carries no
remedy) filled from the pools in slots.py, plus the hand-written sentences in
handwritten.txt. Each family belongs to exactly one split, and the held-out families draw
only from the ``B`` pools, so held-out text uses wordings, bodies and pseudonyms that
training never sees. Every family has its own seeded RNG, so adding one leaves the others'
output unchanged. See README.md for the labels and annotation guidelines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import slots as S  # noqa: E402
from markup import parse  # noqa: E402

ACTIONS = ("apology", "payment", "provision", "review", "service_improvement", "report")
SPLITS = ("train", "dev", "heldout")
AREAS = ("edu", "care", "housing", "planning", "tax", "highways", "children")

_DOUBLE = {"set", "put", "fit", "remit", "cancel", "commit", "submit", "plan", "stop", "get"}


def inflect(phrase: str, form: str) -> str:
    """Inflect the leading verb of a base-form phrase: base, s ("apologises"), ing."""
    if form == "base":
        return phrase
    verb, _, rest = phrase.partition(" ")
    if form == "s":
        if verb.endswith(("s", "sh", "ch", "x", "z")):
            new = verb + "es"
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            new = verb[:-1] + "ies"
        else:
            new = verb + "s"
    elif form == "ing":
        if verb in _DOUBLE:
            new = verb + verb[-1] + "ing"
        elif verb.endswith("ie"):
            new = verb[:-2] + "ying"
        elif verb.endswith("e") and not verb.endswith("ee"):
            new = verb[:-1] + "ing"
        else:
            new = verb + "ing"
    else:
        raise ValueError(form)
    return f"{new} {rest}" if rest else new


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def money(n: int) -> str:
    return f"£{n:,}"


class Party:
    """One complainant (or couple) and the child or relative the complaint is about."""

    def __init__(self, rng: random.Random, side: str):
        self.couple = rng.random() < 0.15
        letters = S.LETTERS[side]
        self.letter = rng.choice(letters)
        if self.couple:
            self.name = rng.choice(["Mr and Mrs {L}", "Mr and Mrs {L}", "Ms and Mr {L}"]).format(
                L=self.letter
            )
            self.subj, self.obj, self.pos = "they", "them", "their"
        else:
            title = rng.choice(S.TITLES[side])
            self.name = f"{title} {self.letter}"
            female = title in S.FEMALE_TITLES or (title == "Dr" and rng.random() < 0.5)
            self.subj, self.obj, self.pos = ("she", "her", "her") if female else ("he", "him", "his")
        self.child = rng.choice([c for c in letters + ["Y", "Z", "B", "C"] if c != self.letter])
        self.child_noun = rng.choice(S.CHILD_NOUNS[side])
        self.rel_noun = rng.choice(S.RELATIVE_NOUNS[side])
        self.rng = rng

    # Labelled mentions, for text outside a remedy.
    @property
    def m(self) -> str:
        return f"[{self.name}](PARTY)"

    def m_child(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return f"[{self.pos} {self.child_noun}](PARTY), [{self.child}](PARTY)"
        if r < 0.6:
            return f"[{self.child}](PARTY)"
        if r < 0.8:
            return f"[{self.name}](PARTY)'s {self.child_noun}, [{self.child}](PARTY)"
        return f"[{self.pos} {self.child_noun}](PARTY)"

    def m_rel(self) -> str:
        if self.rng.random() < 0.5:
            return f"[{self.pos} {self.rel_noun}](PARTY), [Mr {self.child}](PARTY)"
        return f"[{self.pos} {self.rel_noun}](PARTY)"

    # Plain mentions, for slots inside a remedy span.
    def p(self) -> str:
        return self.rng.choice([self.name, self.name, self.name, "the family", self.name])

    def cpos(self) -> str:
        return self.rng.choice([f"{self.child}'s", f"{self.child}’s", f"{self.pos} "
                                f"{self.child_noun}'s", "the child's"])

    def pos_any(self) -> str:
        return self.rng.choice([self.pos, self.pos, f"{self.name}'s", f"{self.name}’s"])


class Gen:
    """Slot filling for one family on one side (A: train/dev, B: held-out).

    Within side A every sixth remedy wording is kept for dev only, so the dev score (which
    picks the best checkpoint) rewards generalising to wordings training has not seen.
    """

    def __init__(self, rng: random.Random, side: str, split: str = "train"):
        self.rng = rng
        self.side = side
        pool = S.REMEDIES[side]
        if side == "A":
            keep = 0 if split == "dev" else None
            pool = [r for i, r in enumerate(pool) if (i % 6 == 0) == (keep == 0)]
        self.remedy_pool = pool

    def pick(self, pool):
        return self.rng.choice(pool[self.side] if isinstance(pool, dict) else pool)

    def place(self) -> str:
        return self.pick(S.PLACES)

    def _fill(self, pattern: str) -> str:
        places = self.rng.sample(S.PLACES[self.side], 3)
        surnames = self.rng.sample(S.SURNAMES[self.side], 2)
        return pattern.format(P=places[0], P2=places[1], P3=places[2], S=surnames[0],
                              S2=surnames[1])

    def council(self) -> str:
        return self._fill(self.pick(S.COUNCIL_PATTERNS))

    def provider(self) -> str:
        return self._fill(self.pick(S.PROVIDER_PATTERNS))

    def other_body(self) -> str:
        return self._fill(self.pick(S.OTHER_BODY_PATTERNS))

    def org_named(self, kinds=("council", "council", "council", "provider", "other")) -> str:
        kind = self.rng.choice(kinds)
        name = {"council": self.council, "provider": self.provider,
                "other": self.other_body}[kind]()
        return f"[{name}](ORG)"

    def org_ref(self, p_named: float = 0.35) -> str:
        if self.rng.random() < p_named:
            return self.org_named(("council", "council", "council", "other"))
        return self.pick(S.GENERIC_ORG)

    def party(self) -> Party:
        return Party(self.rng, self.side)

    def area(self) -> str:
        return self.rng.choice(AREAS)

    def ref(self) -> str:
        a, b, c = self.rng.randint(17, 25), self.rng.randint(0, 999), self.rng.randint(0, 999)
        return self.rng.choice([f"{a} {b:03d} {c:03d}", f"{a}{b:03d}{c:03d}", f"{a} {b:03d} {c:03d}"])

    def date(self) -> str:
        d, m, y = self.rng.randint(1, 28), self.rng.choice(S.MONTHS), self.rng.randint(2019, 2025)
        return self.rng.choice([f"{d} {m} {y}", f"{d} {m[:3]} {y}", f"{m} {y}"])

    def amount(self) -> str:
        a = self.rng.choice(S.AMOUNTS)
        r = self.rng.random()
        if r < 0.1:
            return f"{money(a)} ({money(a // 4)} for each of four months)"
        if r < 0.15:
            return f"{money(a)}.00"
        return money(a)

    def remedy(self, party: Party, area: str, form: str = "base", tail: float = 0.5,
               exclude: set | None = None) -> tuple[str, set[str]]:
        """One remedy: '[core](REMEDY) tail' and its actions."""
        pool = [r for r in self.remedy_pool if r[1] in (area, "any")]
        if exclude:
            pool = [r for r in pool if not set(r[0].split("+")) & exclude] or pool
        actions, _, base = self.rng.choice(pool)
        core = base.format(
            p=party.p(), obj=party.obj, pos=party.pos_any(), child=party.child,
            cpos=party.cpos(), amt=self.amount(), month=self.rng.choice(S.MONTHS),
            committee=self.pick(S.COMMITTEES),
        )
        core = inflect(core, form)
        acts = set(actions.split("+"))
        text = f"[{core}](REMEDY)"
        if self.rng.random() < tail:
            key = sorted(acts)[-1] if len(acts) == 1 else "payment"
            t = self.pick(S.TAILS[key]).format(pos=party.pos, p=party.name)
            text += " " + t
        return text, acts

    def remedies(self, party: Party, area: str, n: int, form: str = "base",
                 tail: float = 0.3) -> tuple[list[str], set[str]]:
        out, acts, used = [], set(), set()
        for _ in range(n):
            t, a = self.remedy(party, area, form, tail=tail, exclude=used)
            out.append(t)
            acts |= a
            used |= a
        return out, acts

    def nominal(self, party: Party) -> tuple[str, set[str]]:
        action, phrase = self.pick(S.NOMINAL_REMEDIES)
        core = phrase.format(p=party.p(), pos=party.pos, child=party.child, amt=self.amount(),
                             committee=self.pick(S.COMMITTEES))
        return f"[{core}](REMEDY)", {action}

    def marker(self) -> str:
        return self.rng.choice(["- ", "- ", "• ", "", "", "a) ", "(i) ", "1. ", "2.3.1 ", "– ",
                                "(b) ", "* "])

    def deadline(self) -> str:
        return self.pick(S.DEADLINES)


def join_and(items: list[str], oxford: bool = False) -> str:
    if len(items) == 1:
        return items[0]
    sep = ", and " if oxford else " and "
    return ", ".join(items[:-1]) + sep + items[-1]


Record = tuple[str, set[str]]  # markup, actions
FAULTS = {
    "edu": ["delayed issuing {cpos} EHC plan", "failed to secure the provision in {cpos} EHC plan",
            "did not arrange suitable alternative education when {child} stopped attending school",
            "failed to hold the annual review within the statutory timescale"],
    "care": ["charged {pos} {rel} for care without a proper financial assessment",
             "did not put a care package in place after {pos} {rel} left hospital",
             "delayed reinstating {pos} direct payments",
             "failed to tell {obj} the care would be chargeable"],
    "housing": ["failed to provide suitable interim accommodation",
                "delayed accepting the main housing duty",
                "did not review {pos} personalised housing plan",
                "left the family in unsuitable temporary accommodation for eleven months"],
    "planning": ["failed to consider the impact of a neighbour's extension on {pos} home",
                 "did not take action on a breach of planning control next door",
                 "failed to notify {obj} of a planning application on adjoining land"],
    "tax": ["wrongly passed {pos} council tax account to enforcement agents",
            "failed to apply a single person discount to {pos} bill",
            "added enforcement fees after the account had been closed"],
    "highways": ["failed to repair a pothole outside {pos} home",
                 "did not deal with reports of flooding on {pos} road",
                 "delayed responding to {pos} reports of a damaged footway"],
    "children": ["failed to pay the correct special guardianship allowance",
                 "did not complete a child and family assessment",
                 "delayed the stage two investigation of {pos} complaint"],
}
# The held-out side's own wordings of the same faults: with one shared pool, about one
# held-out narrative in ten repeated a training sentence's eight-word run.
FAULTS_HELDOUT = {
    "edu": ["took nine months to finalise {cpos} education plan",
            "never put in place the speech therapy {cpos} plan specifies",
            "left {child} without any schooling for a term"],
    "care": ["billed {pos} {rel} before any assessment of what was affordable",
             "sent {pos} {rel} home from hospital with no support arranged",
             "stopped {pos} direct payment for six weeks while paperwork was checked"],
    "housing": ["placed the family in a bed and breakfast well beyond the six-week limit",
                "took four months to accept it owed {obj} the main duty",
                "never drew up the housing plan the law required for {obj}"],
    "planning": ["overlooked the loss of light to {pos} kitchen when granting consent",
                 "let an unauthorised fence stand for a year without a site visit",
                 "posted no site notice for the application beside {pos} house"],
    "tax": ["sent bailiffs over a bill already settled in full",
            "ignored {pos} request for the discount given to those who live alone",
            "charged recovery costs on an account it had closed"],
    "highways": ["left a deep hole in the road by {pos} gate unrepaired for months",
                 "took no action when water repeatedly pooled across {pos} street",
                 "sat on {pos} report of a broken pavement slab"],
    "children": ["underpaid the allowance owed to {obj} as a special guardian",
                 "closed the family's case without the assessment it had promised",
                 "let {pos} complaint wait half a year at its second stage"],
}
TOPICS = [
    "a planning application at a neighbouring property", "damage to {pos} car from a pothole",
    "council tax arrears and enforcement after a liability order",
    "the refusal of {pos} blue badge application", "the suitability of {pos} temporary "
    "accommodation", "a school admission appeal", "the handling of a noise nuisance report",
    "the charges for {pos} {rel}'s residential care", "a parking penalty charge notice",
]
REASONS = [
    "there is not enough evidence of fault", "it is reasonable to expect {obj} to use {pos} right "
    "of appeal to the tribunal", "the complaint is late and there is no good reason to look at it "
    "now", "the courts are better placed to consider it", "we could not achieve the outcome "
    "{subj} wants", "the Council has already offered a suitable remedy",
]
CATEGORIES = ["Education > Special educational needs", "Adult care services > Charging",
              "Housing > Homelessness", "Planning > Planning applications",
              "Benefits and tax > Council tax", "Transport and highways > Highway repair and "
              "maintenance", "Children's care services > Friends and family carers",
              "Adult care services > Residential care", "Housing > Allocations"]
STATUS = ["Complete", "In progress", "On track", "Outstanding", "Completed", "Ongoing"]


def _fault(g: Gen, p: Party, area: str) -> str:
    pool = FAULTS_HELDOUT if g.side == "B" else FAULTS
    return g.rng.choice(pool[area]).format(cpos=p.cpos(), child=p.child, pos=p.pos,
                                           obj=p.obj, rel=p.rel_noun)


# ------------------------------------------------------------------------------------------
# Training families (A pools)
# ------------------------------------------------------------------------------------------
def fam_agreed_summary(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    n = g.rng.choice([1, 2, 2, 3, 3, 4])
    items, acts = g.remedies(p, area, n)
    lead = g.rng.choice([
        "{org} has agreed to {r}.", "{org} agreed to {r}.", "The Council will {r}.",
        "{org} has accepted our findings and agreed to {r}.", "The Council has agreed to {r}.",
        "{org} should {r}.", "The Council has agreed that it will {r}.",
        "It will also {r}.", "In addition, the Council should {r}.",
        "We asked {org} to {r}.", "{org} accepted our recommendation to {r}.",
        "As well as this, the Council will {r}.", "The Council must now {r}.",
        "{org} has since agreed to {r}.", "{org} has offered to {r}.",
    ])
    return [(lead.format(org=g.org_ref(), r=join_and(items)), acts)]


def fam_action_list(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    org = g.org_ref(0.25)
    head = g.rng.choice([
        "{dl}, {org} has agreed to:", "{dl}, {org} will:", "{dl} {org} should:",
        "To remedy the injustice caused, {org} has agreed that within one month it will:",
        "{dl}, {org} has agreed to take the following action:",
    ]).format(dl=g.deadline(), org=org)
    out: list[Record] = [(head, set())]
    n = g.rng.choice([2, 3, 3, 4])
    used: set[str] = set()
    for i in range(n):
        r, a = g.remedy(p, area, "base", tail=0.6, exclude=used)
        used |= a
        if g.rng.random() < 0.4:
            r = cap(r)
        end = ";" if i < n - 2 else ("; and" if i == n - 2 else ".")
        out.append((f"{g.marker()}{r}{end}", a))
    if g.rng.random() < 0.5:
        out.append(("The Council should send us evidence that it has done these things.",
                    set()))
    return out


def fam_recommend(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    form = g.rng.choice(["base", "base", "s"])
    r, a = g.remedy(p, area, form, tail=0.6)
    t = g.rng.choice([
        "We recommend {org} {r}.", "I recommend {org} {r}.", "I recommend that {org} {r}.",
        "We recommended the Council {r}.",
    ]) if form == "s" else g.rng.choice([
        "The Council should {r}.", "{org} should now {r}.", "{dl}, the Council should {r}.",
        "I recommended the Council should {r}.",
    ])
    return [(t.format(org=g.org_ref(0.4), r=r, dl=g.deadline()), a)]


def fam_ombudsman_recommended(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    r, a = g.remedy(p, area, "base", tail=0.4)
    t = g.rng.choice([
        "The Ombudsman recommended that the Council {r}.",
        "The Ombudsman also recommended that the Council {r}.",
        "The LGSCO recommended the Council {r}.",
        "The Ombudsman asked {org} to {r}.",
        "The LGO recommended that {org} {r}.",
    ])
    return [(t.format(r=r, org=g.org_ref(0.6)), a)]


def fam_status_items(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    out: list[Record] = []
    used: set[str] = set()
    for _ in range(g.rng.choice([2, 3, 4])):
        r, a = g.remedy(p, area, "base", tail=0.5, exclude=used)
        used |= a
        note = g.rng.choice([
            "", " – the Director sent the family a letter in June.", " – covered by the next item.",
            " – payment made on " + g.date() + ".", " This paper completes this action.",
            " – letter sent and receipt confirmed.",
        ])
        status = g.rng.choice(STATUS)
        out.append((f"{g.marker()}{cap(r)}. Status: {status}{note}", a))
    return out


def fam_table_rows(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    out: list[Record] = [("No.\tRecommendation\tStatus\tDate completed", set())]
    used: set[str] = set()
    for i in range(g.rng.choice([2, 3, 4])):
        r, a = g.remedy(p, area, "base", tail=0.2, exclude=used)
        used |= a
        out.append((f"{i + 1}\t{cap(r)}\t{g.rng.choice(STATUS)}\t{g.date()}", a))
    return out


def fam_gerund_summary(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    items, acts = g.remedies(p, area, g.rng.choice([2, 3, 4]), form="ing", tail=0.2)
    if g.rng.random() < 0.4:
        nom, a = g.nominal(p)
        items.append(nom)
        acts |= a
    t = g.rng.choice([
        "The Council has agreed to remedy this injustice by {r}.",
        "{org} has agreed to remedy the injustice by: {rs}.",
        "The Council will put things right by {r}.",
    ])
    return [(t.format(org=g.org_ref(0.5), r=join_and(items), rs="; ".join(items)), acts)]


def fam_nominal_summary(g: Gen) -> list[Record]:
    p = g.party()
    (a1, s1), (a2, s2) = g.nominal(p), g.nominal(p)
    t = g.rng.choice([
        "The Council agreed to provide {a} and {b}.",
        "{a} and {b} is a suitable remedy.",
        "We consider {a} and {b} provides a suitable remedy.",
        "The action agreed by {org}, {a} and {b}, remedies the injustice to {P}.",
    ])
    return [(t.format(a=a1, b=a2, org=g.org_ref(0.5), P=p.m), s1 | s2)]


def fam_improvement_measures(g: Gen) -> list[Record]:
    out: list[Record] = [(g.rng.choice([
        "These improvements include:", "Actions taken in response to the Ombudsman's findings:",
        "The service has put in place the following measures:",
    ]), set())]
    pool = [r for r in g.remedy_pool if r[0] == "service_improvement"]
    for _ in range(g.rng.choice([2, 3])):
        base = g.rng.choice(pool)[2]
        phrase = inflect(base, "ing")
        out.append((f"{g.marker()}[{cap(phrase)}](REMEDY).", {"service_improvement"}))
    return out


def fam_complaint_narrative(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    t = g.rng.choice([
        "{P} complained {org} {fault}.", "{P} complains that {org} {fault}.",
        "The complainant, whom I refer to as {P}, says {org} {fault}.",
        "{P} says {org} {fault} and this caused {harm}.",
        "We found {org} was at fault because it {fault}.",
        "{P} complained on behalf of {C} that the Council {fault}.",
    ])
    return [(t.format(P=p.m, org=g.org_ref(0.45), fault=_fault(g, p, area),
                      harm=g.pick(S.HARMS), C=p.m_child()), set())]


def fam_not_investigate(g: Gen) -> list[Record]:
    p = g.party()
    topic = g.rng.choice(TOPICS).format(pos=p.pos, rel=p.rel_noun)
    reason = g.rng.choice(REASONS).format(obj=p.obj, pos=p.pos, subj=p.subj)
    t = g.rng.choice([
        "We will not investigate {P}'s complaint about {topic}. This is because {reason}.",
        "We will not investigate this complaint about {topic} because {reason}.",
        "Summary: We will not investigate {P}'s complaint about {topic} as {reason}.",
    ])
    return [(t.format(P=p.m, topic=topic, reason=reason), set())]


BOILERPLATE = [
    "Our role is to look at whether there was fault in how the Council acted.",
    "I use the word fault here to cover both maladministration and service failure.",
    "Where we find fault, we then ask whether it caused the person an injustice.",
    "We can end an investigation once we are satisfied with what the body has done or offered.",
    "We reach our findings on what is more likely than not to have happened.",
    "Usually we do not look at matters that could have gone to a tribunal.",
    "I read the complaint and the Council's response and the relevant guidance.",
    "A draft of this decision went to both sides for comment.",
    "We will send a copy of this decision to the Care Quality Commission.",
    "There are no implications for this category.",
    "Members are invited to note the report.",
    "Finance has cleared the resource implications.",
    "Any costs will be met from the service budget.",
    "Background papers: none",
    "Failure to act on the recommendations could damage the Council's reputation.",
    "Supporting documents",
    "Wards affected: All",
    "Key decision: No",
]


def fam_boilerplate(g: Gen) -> list[Record]:
    s = g.rng.choice(BOILERPLATE)
    if g.rng.random() < 0.3:
        s = s.replace("the Council", g.org_named(("council",)))
    return [(s, set())]


def fam_headers(g: Gen) -> list[Record]:
    t = g.rng.choice([
        "{org} ({ref})", "Category : {cat}", "Decision : Upheld", "Decision : Not upheld",
        "Decision date : {date}", "Report to: {com}\tDate: {date}",
        "Item: the Ombudsman's report on case {ref}",
        "Investigation into a complaint against {org} (reference number: {ref})",
        "Report of the Local Government and Social Care Ombudsman about {org}",
        "To: {com} – {date}", "From: {officer}, Director of Adult Social Care",
        "Report Author: {officer}", "Meeting Date: {date}",
    ])
    return [(t.format(org=g.org_named(), ref=g.ref(), cat=g.rng.choice(CATEGORIES), date=g.date(),
                      com=g.pick(S.COMMITTEES), officer=g.pick(S.OFFICERS)), set())]


def fam_wishes(g: Gen) -> list[Record]:
    # Hard negatives: remedy words that are only what the complainant asked for.
    p = g.party()
    t = g.rng.choice([
        "{P} wants {org} to apologise and pay compensation.",
        "{P} would like the Council to review its procedures.",
        "{subj} asked for an apology and a refund of the charges.",
        "{P} wants the Council to reimburse the cost of the private assessment.",
        "{P} says {subj} wants an apology from the Care Provider.",
        "{P} asked the Council to reconsider its decision, but it refused.",
    ])
    return [(cap(t.format(P=p.m, org=g.org_ref(0.3), subj=p.subj)), set())]


def fam_progress_past(g: Gen) -> list[Record]:
    p = g.party()
    t = g.rng.choice([
        "Since the final decision, {org} has apologised to the family and made the payment as "
        "agreed.", "The payment of {amt} was made to {P} on {date}.",
        "The Council says a letter of apology went to the parent.",
        "The Ombudsman's recommendations were accepted in full on {date}.",
        "This has been paid to the family.",
        "On {date}, the LGO told {org} it was still waiting for proof the actions were done.",
    ])
    return [(t.format(org=g.org_ref(0.4), amt=g.amount(), P=p.m, date=g.date()), set())]


def fam_minutes(g: Gen) -> list[Record]:
    t = g.rng.choice([
        "RESOLVED that the report and the action taken so far be noted.",
        "RESOLVED: That the {com} notes the findings of the Ombudsman in the case against {org}.",
        "On the motion of {c1}, seconded by {c2}, it was",
        "The {com} considered the report of the {role} on a Local Government and Social Care "
        "Ombudsman public interest report concerning {org}.",
        "({c1} attended under Standing Order 12 and spoke on this item).",
        "Members heard that officers meet the Ombudsman's link team twice a year.",
    ])
    role = g.rng.choice(["Director of Children's Services", "Director of Adult Social Care",
                         "Head of Housing", "Chief Executive"])
    c1, c2 = g.rng.sample(S.COUNCILLORS["A"], 2)
    return [(t.format(com=g.pick(S.COMMITTEES), org=g.org_named(("council",)), c1=c1, c2=c2,
                      role=role), set())]


def fam_provider_intro(g: Gen) -> list[Record]:
    p = g.party()
    prov = g.provider()
    home = g.rng.choice(["Meadowbank Care Home", "Willow Court", "the Laurels Nursing Home",
                         "Beech House"])
    t = g.rng.choice([
        "{P} complains about the care provided to {R} by {prov} ('the Care Provider') at {home}.",
        "The care home, {home}, is run by {prov} ('the Care Provider').",
        "{P} complained the Care Provider, {prov}, failed to refund {pos} {rel}'s deposit.",
        "{org} commissioned {prov} to provide home care for {R}.",
    ])
    return [(t.format(P=p.m, R=p.m_rel(), prov=f"[{prov}](ORG)", home=home, pos=p.pos,
                      rel=p.rel_noun, org=g.org_named(("council",))), set())]


def fam_provider_remedy(g: Gen) -> list[Record]:
    p = g.party()
    items, acts = g.remedies(p, "care", g.rng.choice([1, 2]), tail=0.4)
    prov = g.rng.choice([f"[{g.provider()}](ORG)", "The Care Provider", "the care provider"])
    t = g.rng.choice(["{prov} has agreed to {r}.", "{prov} should {r}."])
    return [(cap(t.format(prov=prov, r=join_and(items))), acts)]


def fam_negatives_named(g: Gen) -> list[Record]:
    # Capitalised names that are not ORG or PARTY: schools, committees, officers, regulators.
    t = g.rng.choice([
        "The report was presented to {x} on {date}.", "{x} was told about the findings.",
        "The child attended {x} until {date}.", "Report author: {officer}, Head of SEN Services",
        "Contact officer: {officer}", "{c1} asked whether the actions had been completed.",
        "A copy of the report was sent to {x}.",
    ])
    return [(cap(t.format(x=g.pick(S.NOT_ORG), date=g.date(), officer=g.pick(S.OFFICERS),
                          c1=g.pick(S.COUNCILLORS))), set())]


def _furniture(g: Gen, templates: list[str]) -> list[Record]:
    head = g.pick(S.HEADINGS)
    unit = g.pick(S.TITLE_CASE_UNITS)
    officer = g.pick(S.OFFICERS)
    first, last = officer.split()[0], officer.split()[-1]
    t = g.rng.choice(templates)
    return [(t.format(head=head, HEAD=head.upper(), unit=unit, officer=officer, n=g.rng.randint(
        1, 9), email=f"{first}.{last}@{g.place().split()[0].lower()}.gov.uk", com=g.pick(
        S.COMMITTEES)), set())]


def fam_furniture(g: Gen) -> list[Record]:
    # Real papers are full of Title Case headings, teams and markup that are not ORG.
    return _furniture(g, [
        "{head}", "**{head}**", "## {n}. {head}", "### **{n} {head}**", "<b>{head}:</b>",
        "{n}. {head}", "{HEAD}", "{head}:", "{unit} have contacted the LGO.",
        "{unit} will monitor the new procedure.", "The {unit} will handle all correspondence.",
        "Name: {officer}", "Post: Director of Education", "Email: {email}",
        "Report Author: {officer}", "Tel: 01223 {n}06398", "<b>Report to:</b>\t{com}",
        "Classification: Unrestricted", "Term\tMeaning", "EHE\tElective Home Education",
        "Appendix {n} – {unit} terms of reference", "Past Pathway of report: None",
    ])


# ------------------------------------------------------------------------------------------
# Dev families (A pools, templates training does not use)
# ------------------------------------------------------------------------------------------
def dev_should_pair(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    items, acts = g.remedies(p, area, 2, tail=0.3)
    t = g.rng.choice(["To remedy the injustice caused, {org} should {r}.",
                      "To put things right, the Council should {r}."])
    return [(t.format(org=g.org_ref(0.4), r=join_and(items)), acts)]


def dev_s_items(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    out: list[Record] = [("The Ombudsman's recommendations were as follows:", set())]
    used: set[str] = set()
    for _ in range(g.rng.choice([2, 3])):
        r, a = g.remedy(p, area, "s", tail=0.5, exclude=used)
        used |= a
        out.append((f"{g.marker()}The council {r}", a))
    return out


def dev_accepted(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    r, a = g.remedy(p, area, "base", tail=0.5)
    return [(cap(f"{g.org_ref(0.5)} accepted the findings and will {r}."), a)]


def dev_narrative(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    t = g.rng.choice(["{P} said the Council {fault}, which caused {harm}.",
                      "Our investigation found {org} {fault}."])
    return [(t.format(P=p.m, org=g.org_ref(0.5), fault=_fault(g, p, area),
                      harm=g.pick(S.HARMS)), set())]


def dev_resolved(g: Gen) -> list[Record]:
    t = g.rng.choice(["RESOLVED – that the {com} notes the Ombudsman's report about {org}.",
                      "DECISION: The {com} noted the report and the actions taken."])
    return [(t.format(com=g.pick(S.COMMITTEES), org=g.org_named(("council",))), set())]


# ------------------------------------------------------------------------------------------
# Held-out families (B pools, templates nowhere else)
# ------------------------------------------------------------------------------------------
def ho_furniture(g: Gen) -> list[Record]:
    return _furniture(g, [
        "{n}.{n} {head}", "__{head}__", "{head} –", "[{n}] {head}",
        "The {unit} is reviewing its templates.", "Contact: {officer}, {unit}",
        "e-mail: {email}", "Wards: All\t{head}",
    ])


def ho_put_right(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    items, acts = g.remedies(p, area, g.rng.choice([2, 3]), tail=0.3)
    t = g.rng.choice(["In order to put matters right, {org} will {r}.",
                      "To resolve the complaint, {org} has said it will {r}."])
    return [(t.format(org=g.org_ref(0.4), r=join_and(items, oxford=True)), acts)]


def ho_asked(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    r, a = g.remedy(p, area, "base", tail=0.4)
    dl = g.deadline()
    return [(f"The Ombudsman asked {g.org_ref(0.5)} to {r} {dl[0].lower() + dl[1:]}.", a)]


def ho_progress_table(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    out: list[Record] = []
    used: set[str] = set()
    for i in range(g.rng.choice([2, 3])):
        r, a = g.remedy(p, area, "base", tail=0.2, exclude=used)
        used |= a
        out.append((f"Recommendation {i + 1}: {cap(r)} | Progress: {g.rng.choice(STATUS)}", a))
    return out


def ho_numbered(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    r, a = g.remedy(p, area, "base", tail=0.6)
    n = g.rng.randint(1, 12)
    return [(f"{n}. {cap(g.org_ref(0.3))} should {r}.", a)]


def ho_narrative(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    t = g.rng.choice(["{P} told us {org} {fault}.",
                      "In {pos} complaint to us, {P} said the Council {fault}.",
                      "{C} was affected because {org} {fault}."])
    return [(cap(t.format(P=p.m, org=g.org_ref(0.5), fault=_fault(g, p, area), pos=p.pos,
                          C=p.m_child())), set())]


def ho_headers(g: Gen) -> list[Record]:
    t = g.rng.choice(["Complaint reference: {ref}", "Authority: {org}",
                      "Organisation complained about: {org}", "Body in jurisdiction: {org}",
                      "Final decision issued: {date}"])
    return [(t.format(ref=g.ref(), org=g.org_named(), date=g.date()), set())]


def ho_ing_list(g: Gen) -> list[Record]:
    p, area = g.party(), g.area()
    items, acts = g.remedies(p, area, g.rng.choice([2, 3]), form="ing", tail=0.2)
    return [(f"The actions agreed were {join_and(items)}.", acts)]


def ho_wishes(g: Gen) -> list[Record]:
    p = g.party()
    t = g.rng.choice(["{P} says {subj} wants an apology and for the Council to change its policy.",
                      "{P} is seeking compensation for the distress.",
                      "As an outcome, {P} wanted a refund and a new assessment."])
    return [(t.format(P=p.m, subj=p.subj), set())]


def ho_provider(g: Gen) -> list[Record]:
    p = g.party()
    r, a = g.remedy(p, "care", "base", tail=0.4)
    prov = g.provider()
    t = g.rng.choice(["The Care Provider, [{prov}](ORG), has agreed to {r}.",
                      "[{prov}](ORG) accepted our findings and will {r}."])
    return [(t.format(prov=prov, r=r), a)]


def ho_minutes(g: Gen) -> list[Record]:
    t = g.rng.choice([
        "AGREED: that the {com} notes the public interest report about {org} and the actions "
        "taken in response.", "The {com} received a verbal update from {c1} on the case.",
        "Proposed by {c1} and seconded by {c2}; carried unanimously."])
    c1, c2 = g.rng.sample(S.COUNCILLORS["B"], 2)
    return [(t.format(com=g.pick(S.COMMITTEES), org=g.org_named(("council",)), c1=c1, c2=c2),
             set())]


def ho_named_negatives(g: Gen) -> list[Record]:
    t = g.rng.choice(["The findings were shared with {x}.",
                      "Officer contact: {officer}, Service Manager", "{x} will monitor progress."])
    return [(cap(t.format(x=g.pick(S.NOT_ORG), officer=g.pick(S.OFFICERS))), set())]


Family = tuple[str, Callable[[Gen], list[Record]], str, int]
FAMILIES: list[Family] = [
    ("agreed_summary", fam_agreed_summary, "train", 260),
    ("action_list", fam_action_list, "train", 110),
    ("recommend", fam_recommend, "train", 150),
    ("ombudsman_recommended", fam_ombudsman_recommended, "train", 110),
    ("status_items", fam_status_items, "train", 60),
    ("table_rows", fam_table_rows, "train", 25),
    ("gerund_summary", fam_gerund_summary, "train", 90),
    ("nominal_summary", fam_nominal_summary, "train", 50),
    ("improvement_measures", fam_improvement_measures, "train", 25),
    ("complaint_narrative", fam_complaint_narrative, "train", 150),
    ("not_investigate", fam_not_investigate, "train", 60),
    ("boilerplate", fam_boilerplate, "train", 60),
    ("headers", fam_headers, "train", 80),
    ("wishes", fam_wishes, "train", 50),
    ("progress_past", fam_progress_past, "train", 50),
    ("minutes", fam_minutes, "train", 50),
    ("provider_intro", fam_provider_intro, "train", 60),
    ("provider_remedy", fam_provider_remedy, "train", 40),
    ("negatives_named", fam_negatives_named, "train", 50),
    ("furniture", fam_furniture, "train", 110),
    ("dev_should_pair", dev_should_pair, "dev", 50),
    ("dev_s_items", dev_s_items, "dev", 25),
    ("dev_accepted", dev_accepted, "dev", 40),
    ("dev_narrative", dev_narrative, "dev", 50),
    ("dev_resolved", dev_resolved, "dev", 15),
    ("ho_put_right", ho_put_right, "heldout", 60),
    ("ho_asked", ho_asked, "heldout", 50),
    ("ho_progress_table", ho_progress_table, "heldout", 25),
    ("ho_numbered", ho_numbered, "heldout", 50),
    ("ho_narrative", ho_narrative, "heldout", 60),
    ("ho_headers", ho_headers, "heldout", 30),
    ("ho_ing_list", ho_ing_list, "heldout", 35),
    ("ho_wishes", ho_wishes, "heldout", 20),
    ("ho_provider", ho_provider, "heldout", 30),
    ("ho_minutes", ho_minutes, "heldout", 20),
    ("ho_named_negatives", ho_named_negatives, "heldout", 20),
    ("ho_furniture", ho_furniture, "heldout", 25),
]


def to_record(markup: str, actions: set[str], family: str, split: str) -> dict:
    text, spans = parse(markup)
    unknown = actions - set(ACTIONS)
    if unknown:
        raise ValueError(f"unknown actions {unknown} in {family}")
    return {"text": text, "spans": spans,
            "cats": {a: float(a in actions) for a in ACTIONS},
            "meta": {"family": family, "split": split}}


def read_handwritten(path: Path = HERE / "handwritten.txt") -> list[dict]:
    """Hand-written sentences: `split | actions (comma-separated or -) | markup` per line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            split, acts, markup = (x.strip() for x in line.split("|", 2))
        except ValueError as e:
            raise ValueError(f"handwritten.txt:{n}: expected 'split | actions | text'") from e
        if split not in SPLITS:
            raise ValueError(f"handwritten.txt:{n}: unknown split {split!r}")
        actions = set() if acts == "-" else {a.strip() for a in acts.split(",")}
        rec = to_record(markup, actions, "handwritten", split)
        has_remedy = any(s["label"] == "REMEDY" for s in rec["spans"])
        if bool(actions) != has_remedy:
            raise ValueError(f"handwritten.txt:{n}: actions and REMEDY spans disagree")
        out.append(rec)
    return out


def generate(seed: int = 13) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for name, fn, split, count in FAMILIES:
        rng = random.Random(seed * 1_000_003 + zlib.crc32(name.encode()))
        g = Gen(rng, "B" if split == "heldout" else "A", split)
        for _ in range(count):
            for markup, actions in fn(g):
                out[split].append(to_record(markup, actions, name, split))
    for rec in read_handwritten():
        out[rec["meta"]["split"]].append(rec)
    # No sentence may appear in two splits, nor twice in one.
    seen: set[str] = set()
    for split in SPLITS:
        kept = []
        for rec in out[split]:
            if rec["text"] not in seen:
                seen.add(rec["text"])
                kept.append(rec)
        out[split] = kept
    return out


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files")
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args(argv)
    data = generate()
    status = 0
    for split, records in data.items():
        path = args.out / f"{split}.jsonl"
        text = dumps(records)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} is out of date; run generate.py", file=sys.stderr)
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
        n_rem = sum(1 for r in records if any(v for v in r["cats"].values()))
        print(f"{split}: {len(records)} records, {n_rem} with remedy actions")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
