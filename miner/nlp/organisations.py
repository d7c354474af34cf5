"""`miner_organisations`: find and resolve mentions of forces, councils,
inspectorates and prisons; decide the document's subject; resolve "the force"
and "the council" to it; identify the inspection reported on."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from operator import itemgetter
from typing import Callable, Iterable

import numpy
import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from miner.nlp.context import get_context, set_span_group, span_key
from miner.nlp.gazetteer import ANAPHORS, BOARD_ROW, Gazetteer, safeguarding_board_id, slug
from miner.nlp.inspection import identify_inspection

SPANS_KEY = "organisations"
_DOMAIN_KIND = {"hmicfrs": "police_force", "ofsted": "local_authority", "hmi-prisons": "prison", "hmi-probation": "probation_service", "cqc": "health_provider"}
# Between a place and an anaphor of its kind: "in Luton, where inspectors rated the council's ...".
_WHERE_CLAUSE = re.compile(r",\s+where\b[^.;:,]*$")
_SUBJECT_KINDS = {"police_force", "local_authority", "prison", "fire_and_rescue_service", "probation_service", "health_provider"}
# An anaphor naming a kind of unit ("the trust", "the PDU", "the region") supports the body named last
# whose id is of that unit, not a hospital or the national Probation Service named in between (`_subject`).
_ANAPHOR_UNIT = {"the trust": "trust", "the pdu": "probation-delivery-unit", "the probation delivery unit": "probation-delivery-unit", "the region": "region"}
_ANAPHORS_LOWER = {kind: tuple(p.lower() for p in phrases) for kind, phrases in ANAPHORS.items()}  # ("the PDU" is written so)
# A body a unit is "part of" ("part of the Yorkshire and the Humber region of the Probation Service") is no rival subject.
_PART_OF = re.compile(r"\bpart\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:of\s+)?(?:the\s+)?$", re.I)


class OrganisationResolver:
    def __init__(self, nlp: Language, name: str = "miner_organisations"):
        self.nlp = nlp
        self.name = name
        self.gazetteer: Gazetteer | None = None
        self.region_places: frozenset[str] = frozenset()
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None, gazetteer_path: str | None = None) -> None:
        gazetteer = Gazetteer.from_jsonl(gazetteer_path) if gazetteer_path else Gazetteer.default()
        self._set_gazetteer(gazetteer)

    def _set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # NORM folds case and curly apostrophes; acronyms ("MPS", "GMP") must
        # match exactly or "MPs" becomes the Metropolitan Police.
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.acronyms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        make = self.nlp.make_doc
        for org in gazetteer.organisations:
            names = [n for n in org.names if not _is_acronym(n)]
            acronyms = [n for n in org.names if _is_acronym(n)]
            if names:
                self.matcher.add(org.id, [make(n) for n in names])
            if acronyms:
                self.acronyms.add(org.id, [make(n) for n in acronyms])
        places = {place for org in gazetteer.organisations if org.place for place in (org.place, *org.place_aliases)}
        # A place that is also a region's name ("West Midlands"): written "the West Midlands", the region.
        self.region_places = frozenset(p for p in places & {org.region for org in gazetteer.organisations if org.region} if not p.startswith("Isle "))
        self.matcher.add("PLACE", [make(p) for p in sorted(places)])
        for kind, phrases in ANAPHORS.items():
            self.matcher.add(f"ANAPHOR:{kind}", [make(p) for p in phrases])
        # Where a body the gazetteer may not list is named by its kind (`_unlisted_matches`).
        self.acronyms.add(_UNLISTED, [make(p) for p in ("PDU", "NHS", "HMP", "HMYOI")])
        self.matcher.add(_UNLISTED, [make("probation delivery unit")])

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None:
            self.initialize()
        ctx = get_context(doc)
        ctx.inspection = identify_inspection(ctx.text or doc.text, ctx.title, ctx.published, ctx.publisher)
        prefer = "fire_and_rescue_service" if ctx.inspection.scale == "hmicfrs-fire" else _DOMAIN_KIND.get(ctx.inspection.inspectorate or "")
        vocab_strings = self.nlp.vocab.strings
        organisation = self.gazetteer.organisation
        doc_text = ctx.text or doc.text
        matches = [*self.matcher(doc), *self.acronyms(doc)]
        unlisted = vocab_strings[_UNLISTED]
        if any(m[0] == unlisted for m in matches):
            kinds = [m for m in matches if m[0] == unlisted]
            matches = [m for m in matches if m[0] != unlisted]
            matches += _unlisted_matches(doc, doc_text, kinds, matches, vocab_strings, self.gazetteer.place_words)
        location = self._location_in_title(doc, doc_text, ctx.title, vocab_strings)
        if not location and ctx.inspection.inspectorate == "cqc" and ctx.title and _GP_WORD.search(ctx.title):
            location = self._practice_in_title(doc, doc_text, ctx.title, vocab_strings)
        if location:
            matches += location
        if ctx.inspection.inspectorate == "cqc" and ("Hospital" in doc_text or "Infirmary" in doc_text or " Wing" in doc_text):  # (a location named a wing: "the Jessop Wing")
            matches += self._locations_at(doc, doc_text, vocab_strings, {m[1] for m in location or ()})
        # Overlaps removed from the (match_id, start, end) triples, a Span made only for those kept.
        spans = [Span(doc, s, e, label=match_id) for match_id, s, e in longest_first(matches)]
        # span._.organisation_id is read and written straight in doc.user_data
        # (context.span_key), and each mention's offsets, label and id are kept
        # in plain lists: an Underscore object per access cost more than the rest.
        user_data = doc.user_data
        resolved: list[tuple[Span, int, int, str, str | None]] = []  # span, start_char, end_char, label, organisation_id
        for span in spans:
            label = vocab_strings[span.label]
            start, end = span.start_char, span.end_char
            if label == "PLACE":
                # A bare place name counts only when capitalised ("Norfolk",
                # not "norfolk") and resolvable in this document's domain.
                text = doc_text[start:end]  # span.text, without joining its tokens
                if not text[:1].isupper():
                    continue
                if text in self.region_places and doc_text[max(0, start - 4) : start].lower() == "the ":
                    continue  # "police forces in Yorkshire and the West Midlands": the region, not its force
                if _POSTCODE.match(doc_text, end):
                    continue  # a town in an address ("Piccadilly Gate Store Street Manchester M1 2WD", an inspectorate's letterhead)
                # "Wigan Youth Justice Service", "Somerset's youth offending team":
                # youth justice services are run by the council, whatever the inspectorate.
                # So are its children's services ("Tower Hamlets, whose children's services were rated ...").
                place_prefer = "local_authority" if _YOUTH_JUSTICE.match(doc_text, end) or _CHILDRENS_SERVICES.match(doc_text, end) else prefer
                org = self.gazetteer.resolve_place(text, place_prefer)
                if org is None:
                    continue
                org_id = user_data[span_key("organisation_id", start, end)] = org.id
                label = span.label_ = org.kind
            elif label.startswith("ANAPHOR:"):
                org_id = user_data.get(span_key("organisation_id", start, end))
            elif doc_text.endswith(" region", start, end) and (_REGION_AS_PLACE.search(doc_text, max(0, start - 12), start) or _OF_THE_SERVICE.match(doc_text, end)) and ctx.block_kind(start) != "title":
                continue  # "units in the South West region", "the London region of the Probation Service": a place, or a part of the service named
            elif (_common_noun(doc_text[start:end]) or self._headline_common_noun(doc_text, start, end)) and organisation(label).name[:1].isupper():
                # A proper name written as a common noun ("the probation service covering
                # Leeds", not "the Probation Service"): the document's subject of that kind, if any.
                label, org_id = f"ANAPHOR:{organisation(label).kind}", None
            else:
                org = organisation(label)
                org_id = user_data[span_key("organisation_id", start, end)] = org.id
                label = span.label_ = org.kind
            resolved.append((span, start, end, label, org_id))
        parent = {start for _, start, _, _, _ in resolved if "part of" in doc_text[max(0, start - 60) : start] and _PART_OF.search(doc_text, max(0, start - 60), start)}
        subject, titled = self._subject([(start, org_id, label, doc_text[start:end]) for _, start, end, label, org_id in resolved if start not in parent], ctx.title, prefer, len(doc_text))
        if titled:
            ctx.several_in_title = True
            lede = next((org_id for _, start, _, _, org_id in resolved if org_id in titled and ctx.block_kind(start) not in ("title", "heading")), None)
            subject = lede or subject
        ctx.subject_id = subject
        final = []
        mention_starts, mention_ids = [], []
        headings = _HeadingOrganisations(ctx, [(start, org_id, label) for _, start, _, label, org_id in resolved if not label.startswith("ANAPHOR:")])
        named_last: dict[str, tuple[int, str]] = {}  # kind -> (end, id) of the body of that kind named last
        for span, start, end, label, org_id in resolved:
            if label.startswith("ANAPHOR:"):
                if subject is None or label != f"ANAPHOR:{organisation(subject).kind}":
                    continue
                # "The force" under a heading that names another force is that force (a round-up's section).
                org_id = headings(start, label.split(":", 1)[1]) or subject
                if doc_text[start:end].lower() == "the hospital":
                    # "Medical care at the hospital was rated good" after "... at Blackpool Victoria Hospital":
                    # the location named last, in this paragraph or the one before (`_locations_at`).
                    org_id = self._hospital_before(resolved, start, ctx) or org_id
                place = named_last.get(label[8:])
                if place and place[1] != org_id and start - place[0] < 80 and _WHERE_CLAUSE.match(doc_text, place[0], start):
                    # "in Luton, where inspectors rated the council's services ...": the place just named.
                    org_id = place[1]
            elif org_id is not None:
                named_last[label] = (end, org_id)
            if label.startswith("ANAPHOR:"):
                user_data[span_key("organisation_id", start, end)] = org_id
                label = span.label_ = organisation(org_id).kind
            final.append(span)
            if label in _SUBJECT_KINDS and start not in parent:  # (the body a unit is part of: not what "it" is after it)
                mention_starts.append(start)
                mention_ids.append(org_id)
        if subject is not None and ("Safeguarding Children Board" in doc_text or "LSCB" in doc_text):
            final += self._safeguarding_board(doc, doc_text, subject, user_data)
        set_span_group(doc, SPANS_KEY, final)
        # What OrganisationIndex needs, kept as plain lists: each extractor
        # builds one, and re-reading the span group makes a Span per mention.
        ctx.organisation_mentions = (mention_starts, mention_ids)
        return doc

    def _location_in_title(self, doc: Doc, doc_text: str, title: str | None, strings) -> list[tuple[int, int, int]]:
        """A hospital whose name the title starts with ("Royal Lancaster Infirmary - Care
        Quality Commission": the CQC's report on that location, which it rates apart from
        its trust): each mention of that name in the text, as an unlisted body (its slug)
        when the gazetteer does not list it. The trust that runs it is named too
        ("Provided and run by: ..."), but the page grades the location."""
        if not title or ("Hospital" not in title and "Infirmary" not in title):
            return []
        m = _LOCATION_TITLE.match(title)
        if m is None and _RATES_WORD.search(title):
            # "CQC rates maternity services at Royal Stoke University Hospital as requires improvement":
            # a headline naming the hospital as the place rated (its services' ratings are the location's).
            m = _LOCATION_RATED.search(title)
        if m is None:
            return []
        name = m.group("name")
        if self.gazetteer.lookup(name) is not None:
            return []  # a listed hospital ("Hull Royal Infirmary") is matched by its name already
        return _mentions(doc, doc_text, name, strings.add(slug(name)))

    def _safeguarding_board(self, doc: Doc, doc_text: str, subject: str, user_data) -> list[Span]:
        """"The Local Safeguarding Children Board (LSCB)" in a council's SIF report that judges it
        (its judgement row): that council's board (`gazetteer.safeguarding_board_id`), a body of its own."""
        board = safeguarding_board_id(self.gazetteer, subject)
        if board is None or not BOARD_ROW.search(doc_text):
            return []  # (only a report that judges the board: one naming it in passing keeps to the council)
        found = []
        for m in _LOCAL_BOARD.finditer(doc_text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is not None and len(span):
                user_data[span_key("organisation_id", span.start_char, span.end_char)] = board
                span.label_ = "other"
                found.append(span)
        return found

    def _practice_in_title(self, doc: Doc, doc_text: str, title: str, strings) -> list[tuple[int, int, int]]:
        """A GP practice whose name a CQC report's title starts with ("Bridgnorth Medical
        Practice - Care Quality Commission"): each mention of it in the text, as an unlisted
        body (its slug), as a hospital's is (`_location_in_title`); the trust a letter names
        in passing is not the body rated."""
        m = _PRACTICE_TITLE.match(title)
        if m is None or self.gazetteer.lookup(m.group("name")) is not None:
            return []
        name = m.group("name")
        return _mentions(doc, doc_text, name, strings.add(slug(name)))

    @staticmethod
    def _hospital_before(resolved, start: int, ctx) -> str | None:
        """The id of the hospital named last before `start`, in its paragraph or the one before (None: none)."""
        block = ctx.block_index(start)
        for _, other_start, _, _, other_id in reversed(resolved):
            if other_start >= start or other_id is None:
                continue
            other_block = ctx.block_index(other_start)
            if block is None or other_block is None or block - other_block > 1:
                return None
            if other_id.endswith(("-hospital", "-infirmary")):
                return other_id
        return None

    def _locations_at(self, doc: Doc, doc_text: str, strings, taken: set[int]) -> list[tuple[int, int, int]]:
        """A hospital the CQC's text names as the place a service is rated ("The urgent and emergency
        care service at Blackpool Victoria Hospital was rated inadequate", "Maternity services at the
        Royal United Hospital ... remain rated requires improvement"): that mention, as an unlisted
        body (its slug) when the gazetteer does not list it (ANNOTATION.md: a core service's ratings
        are the location's so named). Only where its sentence rates something: "waited outside
        hospitals ... at Derriford Hospital" names a place, no body graded. Not those
        `_location_in_title` found (`taken`: their first tokens)."""
        found = []
        for m in _LOCATION_AT.finditer(doc_text):
            name = m.group("name")
            start = max(doc_text.rfind(". ", 0, m.start()), doc_text.rfind("\n", 0, m.start())) + 1
            end = min((e for e in (doc_text.find(". ", m.end()), doc_text.find("\n", m.end())) if e >= 0), default=len(doc_text))
            if not (_RATES_WORD.search(doc_text, start, end) or _JUDGED_WORD.search(doc_text, start, end) or _MOVED_FROM.search(doc_text, start, end)):
                continue
            if self.gazetteer.lookup(name) is not None:
                continue
            span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
            if span is not None and len(span) and span.start not in taken:
                found.append((strings.add(slug(name)), span.start, span.end))
        for m in _LOCATION_TOWN_RATED.finditer(doc_text):
            # "Queen's Hospital, Romford, which was rated requires improvement in 2022, has since improved to good"
            # (dev34): the location opens the sentence, its town after a comma, and is rated in it.
            end = min((e for e in (doc_text.find(". ", m.end()), doc_text.find("\n", m.end())) if e >= 0), default=len(doc_text))
            name = f"{m.group('name')} {m.group('town')}"
            if not (_RATES_WORD.search(doc_text, m.end(), end) or _JUDGED_WORD.search(doc_text, m.end(), end)) or self.gazetteer.lookup(name) is not None:
                continue
            span = doc.char_span(m.start("name"), m.end("town"), alignment_mode="contract")
            if span is not None and len(span) and span.start not in taken:
                found.append((strings.add(slug(name)), span.start, span.end))
        return found

    def _headline_common_noun(self, doc_text: str, start: int, end: int) -> bool:
        """A kind written as a common noun but for the capital that starts its
        sentence or headline ("Probation service in County Durham rated ..."),
        not a place's body written in lower case ("Kent fire service ...")."""
        text = doc_text[start:end]
        if " " not in text or not text[1:].islower():
            return False
        if start and doc_text[start - 1] != "\n" and doc_text[max(0, start - 2) : start] not in (". ", "| "):
            return False
        return text.split(" ", 1)[0].lower() not in self.gazetteer.by_place

    def _subject(self, mentions: Iterable[tuple[int, str | None, str, str]], title: str | None, prefer: str | None, length: int = 6000) -> tuple[str | None, tuple[str, ...]]:
        """The document's subject from its mentions (start offset, organisation id, label, text).
        "The force", "the trust" (an anaphor of the body's kind) supports the body named
        last before it: a story's lede names its subject and goes on calling it "the
        force", so a body named once in passing at its end ("Across the water, Cumbria
        Constabulary was rated ...") is no rival subject; a round-up's "the force" after
        each force's own paragraph supports each alike. And a mention in the document's
        first part weighs more (its first 3,000 characters; its first half in a shorter
        story, though not in a paragraph or two, where every body named is in its lede).
        Also the bodies the title names, when it names several (else empty)."""
        early = min(3000, length // 2) if length >= 1000 else 3000
        scores: Counter[str] = Counter()
        title_lower = (title or "").lower()
        last: tuple[str, str] | None = None  # the subject-kind body named last: (id, kind)
        last_unit: dict[str, str] = {}  # `_ANAPHOR_UNIT` value -> the id of the body of that unit named last
        for start, org_id, label, text in sorted(mentions, key=itemgetter(0)):
            if org_id is None:
                if last is not None and label.startswith("ANAPHOR:") and text.lower() in _ANAPHORS_LOWER[last[1]]:
                    unit = _ANAPHOR_UNIT.get(text.lower())
                    if unit is None or unit in last[0]:
                        scores[last[0]] += 1.0
                    elif unit in last_unit:
                        scores[last_unit[unit]] += 1.0  # "the trust" after "... at the Northern General Hospital"
                    elif last[1] != "probation_service":
                        scores[last[0]] += 1.0  # (no PDU or region named: "the PDU" is not the Probation Service)
                continue
            kind = self.gazetteer.organisation(org_id).kind
            if kind not in _SUBJECT_KINDS:
                continue
            last = (org_id, kind)
            for unit in _ANAPHOR_UNIT.values():
                if unit in org_id:
                    last_unit[unit] = org_id
            weight = 1.0 + (2.0 if start < early else 0.0) + (1.0 if kind == prefer else 0.0)
            scores[org_id] += weight
        in_title = False
        base = dict(scores)
        if title_lower:
            # A site's name after the title's last " | " ("... | Cornwall Council" on minutes about
            # a police force's PEEL inspection) is the publisher: of another kind, it is no subject.
            site_at = title_lower.rfind(" | ")
            for org_id in list(scores):
                org = self.gazetteer.organisation(org_id)
                if site_at > 0 and prefer is not None and org.kind != prefer and not any(_named_in_title(n, title[:site_at], title_lower[:site_at]) for n in org.names):
                    continue
                if any(_named_in_title(n, title, title_lower) for n in org.names) or (org.place and org.place.lower() in title_lower and org.kind == prefer and not (org.place in self.region_places and f"the {org.place.lower()}" in title_lower)):
                    scores[org_id] += 25
                    in_title = True
                elif org.place and org.kind == prefer and _SHORT_PLACE.get(org.place.lower()) and re.search(rf"\b{_SHORT_PLACE[org.place.lower()]}\b", title_lower):
                    scores[org_id] += 25  # "Notts fire service told to ...": a county's short form
                    in_title = True
        if not in_title and title:
            # The title names the local unit by its place and its kind as a common noun
            # ("Newcastle probation service rated ...", "Probation service in County
            # Durham ..."), the body naming it in full ("Newcastle upon Tyne Probation
            # Delivery Unit"): the place's first part, capitalised as in the name.
            for org_id in list(scores):
                org = self.gazetteer.organisation(org_id)
                if org.kind != prefer or org.region is None:
                    continue
                place = _KIND_SUFFIX.sub("", org.name)
                if place != org.name:
                    place = _PLACE_JOIN.split(place, 1)[0]
                else:
                    # A trust's places without its kind's words: "Derby and Burton" of
                    # "University Hospitals of Derby and Burton NHS Foundation Trust".
                    # Only a place of more than one word that no other body named shares
                    # ("Hull" is Hull Royal Infirmary's as much as its trust's).
                    place = _TRUST_WORDS.sub(" ", f" {org.name} ").strip()
                    if place == org.name or " " not in place or any(place in self.gazetteer.organisation(o).name for o in scores if o != org_id):
                        continue
                if place and re.search(rf"\b{re.escape(place)}\b", title):
                    scores[org_id] += 25
                    in_title = True
        if not in_title and title:
            # The subject named only in the title ("... of HMP Wandsworth"), its
            # body calling it "the prison" or by a place name that is not its own.
            title_doc = self.nlp.make_doc(title)
            for match_id, start, end in [*self.matcher(title_doc), *self.acronyms(title_doc)]:
                org_id = self.nlp.vocab.strings[match_id]
                org = self.gazetteer.organisation(org_id)
                if org is not None and org.kind in _SUBJECT_KINDS and (prefer is None or org.kind == prefer) and not _kind_in_lower_case(title_doc[start:end].text, org.names):
                    scores[org_id] += 25
                    in_title = True
        if not scores:
            return None, ()
        titled = tuple(o for o, v in scores.items() if v - base.get(o, 0) >= 25)
        # A title naming several bodies ("Warrington wins ... as Leicester slips ..."):
        # the one its first sentence names leads the story, and each paragraph's
        # records are the body it names (`OrganisationIndex.near`).
        several = titled if len(titled) >= 2 else ()
        ranked = scores.most_common(2)
        if not in_title and len(ranked) == 2 and ranked[1][1] >= 0.6 * ranked[0][1]:
            return None, several  # a round-up of several forces or councils has no single subject
        if not in_title and len(scores) >= 3 and ranked[0][1] < 0.45 * sum(scores.values()):
            return None, several  # nor has one naming three or more, none of them in most of the mentions
        return ranked[0][0], several

    def to_disk(self, path, *, exclude=()) -> None:
        import pathlib

        path = pathlib.Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = [
            {"id": o.id, "name": o.name, "kind": o.kind, "aliases": list(o.aliases), "region": o.region, "country": o.country, "place": o.place,
             **({"place_aliases": list(o.place_aliases)} if o.place_aliases else {})}
            for o in (self.gazetteer or Gazetteer.default()).organisations
        ]
        srsly.write_jsonl(path / "organisations.jsonl", rows)

    def from_disk(self, path, *, exclude=()) -> "OrganisationResolver":
        import pathlib

        self._set_gazetteer(Gazetteer.from_jsonl(pathlib.Path(path) / "organisations.jsonl"))
        return self


# How many blocks back a section's heading is looked for.
_SECTION_REACH = 12


class _HeadingOrganisations:
    """The organisation of a kind that the heading of an offset's section names,
    if any, from the named mentions (start, organisation id, kind) in text
    order: the heading's own by bisection, each heading's answer kept (a
    report's "the council"s fall under a few dozen headings; scanning every
    mention for each cost more than the matching)."""

    def __init__(self, ctx, named: list[tuple[int, str | None, str]]):
        self.ctx, self.named = ctx, named
        self.starts = [start for start, _, _ in named]
        self.found: dict[tuple[int, str], str | None] = {}

    def __call__(self, offset: int, kind: str) -> str | None:
        ctx = self.ctx
        j = ctx.block_index(offset)
        if j is None:
            return None
        for h in range(j - 1, max(-1, j - _SECTION_REACH), -1):
            if ctx.kinds[h] == "heading":
                key = (h, kind)
                if key not in self.found:
                    self.found[key] = self._first(ctx.starts[h], ctx.ends[h], kind)
                return self.found[key]
        return None

    def _first(self, start: int, end: int, kind: str) -> str | None:
        """The id of the first mention of `kind` starting in [start, end)."""
        named = self.named
        for i in range(bisect.bisect_left(self.starts, start), len(named)):
            mention, org_id, label = named[i]
            if mention >= end:
                break
            if label == kind:
                return org_id
        return None


# A local unit's name after its place, and the joins inside a place ("County Durham
# and Darlington", "Newcastle upon Tyne"), whose first part a headline writes alone.
_KIND_SUFFIX = re.compile(r"\s+(?:Probation Delivery Unit|PDU|Probation Region|Youth Offending (?:Team|Service)|Youth Justice Service)$")
_TRUST_WORDS = re.compile(r"(?:\s+(?:University|Hospitals?|Teaching|NHS|Foundation|Trust|of|the|Partnership|Healthcare|Health|Care|Community|Mental|Ambulance|Service|Services))+(?=\s)|^\s*(?:University|Hospitals?|NHS)\b(?:\s+(?:Hospitals?|of|the))*")
_PLACE_JOIN = re.compile(r"\s+(?:and|upon|on|with)\s+")


def _kind_in_lower_case(written: str, names) -> bool:
    """Whether a title's match is one of the body's names written as a common noun
    ("probation service" for "Probation Service"), not an alias ("Lewes jail")."""
    return written[1:].islower() and any(written.lower() == n.lower() and not n[1:].islower() for n in names)


def _named_in_title(name: str, title: str, title_lower: str) -> bool:
    """Whether a title names the body, not its kind as a common noun: "Newcastle
    probation service rated ..." and "Probation service in County Durham ..." do
    not name the national Probation Service (lower case past the first letter
    where the name has capitals), "Probation Service Faces ..." does."""
    at = title_lower.find(name.lower())
    return at >= 0 and not _kind_in_lower_case(title[at : at + len(name)], (name,))


def _common_noun(text: str) -> bool:
    """Whether a mention is written in lower case but for a leading "The" ("The probation service")."""
    core = text[4:] if text[:4] in ("The ", "the ") else text
    return core.islower()


def longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (match_id, start, end) triples, by start:
    of overlapping matches the (first) longest is kept. The same choice on
    plain tuples, without a Span (and its Tokens) for each match."""
    result = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            result.append(match)
            seen.update(range(start, end))
    result.sort(key=itemgetter(1))
    return result


def _is_acronym(name: str) -> bool:
    return any(word.isupper() and len(word) > 1 for word in name.split())


class OrganisationIndex:
    """Organisation mentions by offset, to attribute a record to the nearest one."""

    def __init__(self, doc: Doc, gazetteer_kinds: dict[str, str] | None = None):
        self.context = get_context(doc)
        mentions = self.context.organisation_mentions
        if mentions is not None:  # left by miner_organisations
            self.starts, self.ids = mentions
        else:
            strings = doc.vocab.strings
            spans = [(s.start_char, s.end_char) for s in doc.spans.get(SPANS_KEY, []) if strings[s.label] in _SUBJECT_KINDS]
            self.starts = [start for start, _ in spans]
            user_data = doc.user_data  # span._.organisation_id without an Underscore object per span
            self.ids = [user_data.get(span_key("organisation_id", start, end)) for start, end in spans]
        self.subject = self.context.subject_id

    def near(self, offset: int, sentence_start: int) -> str | None:
        """The organisation named last before `offset` in the same sentence; else
        the one named last in the same paragraph ("The force was rated ..."
        after a sentence about GMP); else the document's subject. (`near_starts`
        gives the same for many offsets at once: a rule added here goes there
        too; tests/test_findings_fast_paths.py compares the two.)"""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.starts[i] >= sentence_start:
            if i > 0 and self.starts[i - 1] >= sentence_start and self.ids[i - 1] != self.ids[i] and self._in_aside(self.starts[i], offset):
                # "The trust, which runs the hospital, remains rated ...": the body
                # named in a relative clause is not the one graded after it.
                return self.ids[i - 1]
            return self.ids[i]
        block = self.context.block_span(offset)
        if i >= 0 and block and self.starts[i] >= block[0]:
            return self.ids[i]
        if (self.subject is None or self.context.several_in_title) and i >= 0 and offset - self.starts[i] <= _ROUNDUP_REACH:
            # A round-up has no subject: "the force" in the next paragraph is the
            # force its section has just named.
            return self.ids[i]
        if self.subject is None and i < 0 and self.starts and self.starts[0] - offset <= _ROUNDUP_REACH and self.context.block_kind(offset) in (None, "heading", "title"):
            # A headline before any name ("Hull hospital medical wards rated inadequate"):
            # the body's first sentence names whom it is about.
            return self.ids[0]
        return self.subject

    def near_starts(self, offsets: list[int]) -> list[str | None]:
        """`near(offset, offset)` for each of `offsets` (a record that starts its
        own sentence), found for all at once with numpy rather than by two
        bisections per record. (`near`'s relative-clause rule needs a comma between
        the mention and the offset: never so when the sentence starts at the
        offset, where the mention must start too.)"""
        if not offsets:
            return []
        if not self.starts:
            return [self.subject] * len(offsets)
        at = numpy.asarray(offsets, dtype="int64")
        mention_starts = numpy.asarray(self.starts, dtype="int64")
        i = numpy.searchsorted(mention_starts, at, side="right") - 1
        found = i >= 0
        mention = mention_starts[numpy.maximum(i, 0)]
        near = mention >= at  # in the same sentence, which starts at the offset
        block_starts = numpy.asarray(self.context.starts, dtype="int64")
        b = numpy.searchsorted(block_starts, at, side="right") - 1  # each offset's block (-1: none)
        if len(block_starts):  # or in the same block
            near |= (b >= 0) & (mention >= block_starts[numpy.maximum(b, 0)])
        near &= found
        pick = numpy.where(near, i, -1)  # the mention each offset takes (-1: the subject)
        if self.subject is None or self.context.several_in_title:
            # A round-up's "the force" after the force its section has just named.
            pick = numpy.where(~near & found & (at - mention <= _ROUNDUP_REACH), i, pick)
        if self.subject is None:
            # A headline before any name: the body's first sentence names whom it is about.
            kinds = self.context.kinds
            for n in numpy.flatnonzero(~found & (mention_starts[0] - at <= _ROUNDUP_REACH)).tolist():
                if b[n] < 0 or kinds[b[n]] in ("heading", "title"):
                    pick[n] = 0
        ids, subject = self.ids, self.subject
        return [ids[k] if k >= 0 else subject for k in pick.tolist()]

    def _in_aside(self, mention: int, offset: int) -> bool:
        """True when the mention at `mention` sits in a relative clause (", which ...,")
        that closes before `offset`."""
        text = self.context.text or ""
        opening = text.rfind(",", max(0, mention - 60), mention)
        return opening >= 0 and _RELATIVE.match(text, opening) is not None and "," in text[mention:offset]


# A body of a graded kind the gazetteer may not list: "Lambeth PDU", "Salford probation delivery
# unit", "University Hospitals Plymouth NHS Trust", "HMP Ashfield" (its name, then its kind; a
# prison's name after its kind). Not "The PDU", "several NHS Trusts", "the NHS Trust Development Authority".
# The matcher label of the words that name a kind ("PDU", "probation delivery unit", "NHS", "HMP").
_UNLISTED = "UNLISTED"
# At such a word: the rest of the kind's name ("NHS Foundation Trust"; not "NHS Trust Development
# Authority"), and a prison's own name after its kind ("HMP & YOI Ashfield").
_NHS_TRUST = re.compile(r"NHS\s+(?P<foundation>Foundation\s+)?Trust(?![\w-])(?!\s+[A-Z])")
_PRISON = re.compile(r"HM(?:P|YOI)(?:[^\S\n]*(?:&|and|/)[^\S\n]*YOI)?[^\S\n]+(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)?)")
# The capitalised words just before a kind ("Manchester North", "Swindon and Wiltshire").
_WORD = re.compile(r"\S+")
_NAME_BEFORE = re.compile(r"(?:(?!PDU\b)(?-i:[A-Z])[\w'’-]*[^\S\n]+(?:(?:and|&|of|upon)[^\S\n]+)?){1,6}$")
# Before "of" in front of a unit's name: a role, not part of the name ("Head of Lambeth PDU").
_ROLE_OF = frozenset("head heads director directors manager managers leader leaders chief staff team teams inspection inspections report part".split())
# Capitalised words that start a sentence or a phrase but are no part of a name.
_NOT_NAME_WORDS = frozenset("the a an another any every each several many all other some our its their this that these those no one two three four five six seven eight nine ten both neighbouring nearby".split())
# A prison's name word that is a verb or function word of a title-case headline ("HMP Ashfield Rated Poor").
_NOT_PRISON_WORDS = frozenset("is was has had rated judged graded scored found inspectors prison report by and in on at for".split())


def _unlisted_matches(doc: Doc, text: str, kinds: list[tuple[int, int, int]], matches: list[tuple[int, int, int]], strings, place_words: frozenset[str] = frozenset()) -> list[tuple[int, int, int]]:
    """(match_id, start, end) of each named body of a graded kind that no gazetteer
    name covers, its id the slug of its full name (`Gazetteer.organisation` reads
    the kind back), from the matcher's kind words (`kinds`): a name in the 120
    characters before "PDU", "NHS Trust"; a prison's after "HMP"."""
    found = []
    joined: set[int] = set()  # those of `found` whose name runs back over a comma
    for _, first, last in kinds:
        kind_start, kind_end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        word = text[kind_start:kind_end]
        if word in ("HMP", "HMYOI"):
            m = _PRISON.match(text, kind_start)
            if m is None:
                continue
            words = m.group("name").split()
            if len(words) > 1 and words[1].lower() in _NOT_PRISON_WORDS:
                words = words[:1]
            if words[0].lower() in _NOT_PRISON_WORDS:
                continue
            start, end = kind_start, m.start("name") + len(" ".join(words))
            org_id = f"{word.lower()}-{slug(' '.join(words))}"
        else:
            if word == "NHS":
                m = _NHS_TRUST.match(text, kind_start)
                if m is None:
                    continue
                kind, kind_end = ("NHS Foundation Trust" if m.group("foundation") else "NHS Trust"), m.end()
            elif word == "PDU" or word.lower() == "probation delivery unit":
                kind = "probation delivery unit"
            else:
                continue
            name = _NAME_BEFORE.search(text, max(0, kind_start - 120), kind_start)
            if name is None:
                continue
            name_start = _comma_joined_start(text, name.start(), kind_start, place_words)
            words = [(w.start(), w.group(0)) for w in _WORD.finditer(text, name_start, kind_start)]
            roles = [i for i, (_, w) in enumerate(words) if w == "of" and i and words[i - 1][1].lower() in _ROLE_OF]
            if roles:
                words = words[roles[-1] + 1:]  # "Head of Lambeth PDU": the unit's name is after "of" ("Vale of Glamorgan" is a name)
            while words and (words[0][1].lower() in _NOT_NAME_WORDS or words[0][1] in ("and", "&", "of", "upon")):
                words = words[1:]
            while words and words[-1][1] in ("and", "&", "of", "upon"):
                words = words[:-1]
            articles = [i for i, (_, w) in enumerate(words) if w in ("The", "A", "An")]
            if articles:
                words = words[articles[-1] + 1:]  # "Good The PDU has ..." (a PDF's grade line run into the sentence): no name
            if not words:
                continue
            start, end = words[0][0], kind_end
            org_id = slug(" ".join(w for _, w in words) + " " + kind)
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        found.append((strings.add(org_id), span.start, span.end))
        if word not in ("HMP", "HMYOI") and name_start < name.start():
            joined.add(len(found) - 1)
    if not found:
        return []
    # A gazetteer name (not a bare place, not "the PDU") that overlaps is the body's own; but not
    # a listed unit that is the tail of a name joined by commas ("Salford PDU" in "Wigan, Bolton
    # and Salford PDU"), which the longer name covers.
    named = [(s, e) for match_id, s, e in matches if not strings[match_id].startswith(("PLACE", "ANAPHOR:"))]
    return [
        f for i, f in enumerate(found)
        if not any(s < f[2] and f[1] < e and not (i in joined and f[1] <= s and e <= f[2] and (f[1], f[2]) != (s, e)) for s, e in named)
    ]


# Capitalised words (a place) just before a comma and the name after it ("Birmingham North, ").
_COMMA_PLACE = re.compile(r"(?P<part>(?-i:[A-Z])[\w'’-]*(?:[^\S\n]+(?-i:[A-Z])[\w'’-]*){0,2}),[^\S\n]+$")
_JOINED = re.compile(r"[^\S\n](?:and|&)[^\S\n]")


def _mentions(doc: Doc, doc_text: str, name: str, match_id: int) -> list[tuple[int, int, int]]:
    """Every mention of an unlisted body's `name` in the text, as (match_id, first token, end token)."""
    found = []
    for mention in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc_text):
        span = doc.char_span(mention.start(), mention.end(), alignment_mode="contract")
        if span is not None and len(span):
            found.append((match_id, span.start, span.end))
    return found


def _comma_joined_start(text: str, start: int, end: int, place_words: frozenset[str]) -> int:
    """Where a name of places joined by ", ... and" starts, given its part after the
    last comma ("East and Solihull" of "Birmingham North, East and Solihull PDU"): each
    place (words the gazetteer knows as a place's) before a comma belongs to the name, so
    no tail of it is taken for a body ("However, Bradford and Calderdale PDU" is not one)."""
    if not place_words or not _JOINED.search(text, start, end):
        return start
    while True:
        m = _COMMA_PLACE.search(text, max(0, start - 60), start)
        if m is None:
            return start
        part = [(w.start(), w.group(0)) for w in _WORD.finditer(text, m.start("part"), m.end("part"))]
        whole = len(part)
        while part and part[0][1].lower() not in place_words:
            part = part[1:]
        if not part:
            return start
        start = part[0][0]
        if len(part) < whole:  # words that are no place's before it: the name starts here
            return start


# A hospital opening a sentence with its town after a comma, then a relative clause: "Queen's Hospital, Romford, which ..." (`_locations_at`).
_LOCATION_TOWN_RATED = re.compile(r"(?:^|(?<=\. )|(?<=\n))(?:(?-i:The)\s+)?(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}(?:Hospital|Infirmary)),\s+(?P<town>(?-i:[A-Z])[a-z]+(?:[ -](?-i:[A-Z])[a-z]+)?)(?=,\s+(?:which|where|whose)\b)")
# A title that is a hospital's name, then the publisher's: "Royal Lancaster Infirmary - Care Quality Commission".
# A headline's hospital named as the place a rating is given to: "... services at Royal Stoke University Hospital as requires improvement".
_LOCATION_RATED = re.compile(r"\b(?:at|of)\s+(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){1,5}(?:Hospital|Infirmary))(?=\s+(?:as|is|are|was|were|rated|downgraded|upgraded|remains?|now)\b)")
# A hospital named in the text as the place something is rated: "... services at the Royal United Hospital, ...".
_LOCATION_AT = re.compile(r"\b(?i:at)\s+(?:the\s+)?(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){1,5}(?:Hospital|Infirmary|Wing)(?:\s+(?!NHS\b|Trust\b|Foundation\b)(?-i:[A-Z])[a-z]+(?=\s+(?-i:[a-z])|[,.;]))?)(?![\w-])(?!\s+(?:NHS|Trust|Foundation)\b)")  # (its town after it: "Queen's Hospital Burton")
_MOVED_FROM = re.compile(r"\b(?:improved|declined|dropped|fell|slipped|moved|gone\s+(?:up|down))\s+from\b", re.I)  # "... improved from inadequate to good"
_RATES_WORD = re.compile(r"\b(?:rates|rated|rating|downgrade[sd]?|upgrade[sd]?)\b", re.I)
# A council's Local Safeguarding Children Board, named by its kind (`_safeguarding_board`).
_POSTCODE = re.compile(r"[^\S\n]+[A-Z]{1,2}\d[A-Z\d]?[^\S\n]?\d[A-Z]{2}\b")  # a postcode straight after a place: an address
_LOCAL_BOARD = re.compile(r"(?<![\w-])(?:Local Safeguarding Children Board|LSCB)(?![\w-])")
# A GP practice a CQC report's title names (`_practice_in_title`); its slug's kind is read back (gazetteer.unlisted).
_GP_WORD = re.compile(r"\b(?:Practice|Surgery|Medical Centre|Health Centre|Care Home|Nursing Home|Home Care)\b")  # (and an adult social care service: a care home, a home care agency)
_PRACTICE_TITLE = re.compile(r"\s*(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){1,5}(?:Medical\s+Practice|Surgery|Medical\s+Centre|Health\s+Centre|Care\s+Home|Nursing\s+Home|Home\s+Care))\s*(?:[-–—|:]|$)")
_JUDGED_WORD = re.compile(r"\b(?:judged|graded|found\s+to\s+be)\b", re.I)  # the other verbs that rate a location in a sentence
_LOCATION_TITLE = re.compile(r"\s*(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){1,5}(?:Hospital|Infirmary))\s*(?:[-–—|:]|$)")

# Before a probation region's "X region" (gazetteer._derived_aliases): where something is, not the region as a body.
_REGION_AS_PLACE = re.compile(r"\b(?:in|of|across|within|throughout)\s+the\s+$", re.I)
_OF_THE_SERVICE = re.compile(r"\s+of\s+the\s+Probation\s+Service\b", re.I)
# After a place name: the youth justice service a council runs ("Bristol Youth Justice Service").
_YOUTH_JUSTICE = re.compile(r"(?:['’]s)?\s+youth\s+(?:justice|offending)\b", re.I)
# After a place name: the children's services a council runs ("Bury's children's services", ", whose children's services").
_CHILDRENS_SERVICES = re.compile(r"(?:['’]s|,\s+whose)\s+children['’]s\s+(?:social\s+care|services)\b", re.I)

# ", which runs the hospital,": a relative clause between a body and its predicate.
_RELATIVE = re.compile(r",\s+(?:which|who|that|(?:with|in|for|to|from|by|under|alongside|through)\s+(?:which|whom))\b", re.I)  # (", with which Surrey shares ...,")

# How far back (in characters) a round-up's "the force" reaches for the force named last.
_ROUNDUP_REACH = 400
# A county's short form in a headline ("Notts fire service ...", "Lancs police ..."):
# the place the gazetteer gives, as headline writers shorten it. Read in titles only,
# not as the gazetteer's `place_aliases`: those are PLACE mentions in the body text,
# where a sentence's "Beds", "Bucks" or "Herts" is an ordinary capitalised word.
_SHORT_PLACE = {
    "nottinghamshire": "notts", "lancashire": "lancs", "leicestershire": "leics", "lincolnshire": "lincs",
    "staffordshire": "staffs", "northamptonshire": "northants", "hertfordshire": "herts", "hampshire": "hants",
    "gloucestershire": "glos", "wiltshire": "wilts", "worcestershire": "worcs", "cambridgeshire": "cambs",
    "buckinghamshire": "bucks", "bedfordshire": "beds", "derbyshire": "derbys", "oxfordshire": "oxon",
}


@Language.factory("miner_organisations", assigns=["doc.spans"])
def make_organisation_resolver(nlp: Language, name: str) -> OrganisationResolver:
    return OrganisationResolver(nlp, name)
