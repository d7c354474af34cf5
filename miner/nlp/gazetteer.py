"""The organisation gazetteer: every force, council, inspectorate, fire
service and prison miner knows, with the names the press and reports use."""

from __future__ import annotations

import functools
import json
import pathlib
import re
from dataclasses import dataclass

DATA = pathlib.Path(__file__).parent / "data"

# Generic nouns that refer back to the document's subject, by subject kind.
ANAPHORS = {
    "police_force": ("the force", "the constabulary", "this force"),
    "local_authority": ("the council", "the local authority", "the authority", "this local authority", "the trust"),
    "prison": ("the prison", "the jail", "the establishment"),
    "fire_and_rescue_service": ("the service", "the brigade"),
    "probation_service": ("the PDU", "the region", "the probation delivery unit"),
    "health_provider": ("the hospital", "the trust", "the service"),
}


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    country: str | None = None
    place: str | None = None
    place_aliases: tuple[str, ...] = ()  # shorter names of the place ("Hull", "Stoke")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer:
    def __init__(self, organisations: list[Organisation]):
        self.organisations = organisations
        self.by_id = {org.id: org for org in organisations}
        self.by_name: dict[str, str] = {}
        self.by_place: dict[str, list[str]] = {}
        for org in organisations:
            for name in org.names:
                self.by_name.setdefault(name.lower(), org.id)
            for place in (org.place, *org.place_aliases) if org.place else ():
                self.by_place.setdefault(place.lower(), []).append(org.id)
        # A place that is the place of several bodies of one kind: "Northamptonshire", whose
        # children's services one trust runs for its two unitary councils, names both
        # (each lists it in `place_aliases`): place (lower case) -> kind -> ids.
        self.shared_places: dict[str, dict[str, tuple[str, ...]]] = {}
        for place, ids in self.by_place.items():
            for kind in {self.by_id[i].kind for i in ids}:
                same = tuple(i for i in ids if self.by_id[i].kind == kind)
                if len(same) > 1:
                    self.shared_places.setdefault(place, {})[kind] = same
        # Those places as written (a place is a mention only when capitalised as here).
        self.shared_place_names = tuple(sorted({p for org in organisations for p in (org.place, *org.place_aliases) if p and p.lower() in self.shared_places}))
        # The words of places (lower case): a council's place and a local unit's name before its kind
        # ("Birmingham", "North", "Solihull" of "Birmingham North, East and Solihull Probation Delivery
        # Unit"). A place before the comma of "X, Y and Z PDU" is part of the name (organisations._comma_joined_start).
        self.place_words = frozenset(
            word.lower()
            for org in organisations
            for place in (org.place, *org.place_aliases, _UNIT_KIND.sub("", org.name) if _UNIT_KIND.search(org.name) else None)
            if place
            for word in re.findall(r"[\w'’-]+", place)
            if word.lower() not in _PLACE_JOINERS
        )

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        return cls.from_jsonl(DATA / "organisations.jsonl")

    @classmethod
    def from_jsonl(cls, path: pathlib.Path) -> "Gazetteer":
        organisations = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                data = json.loads(line)
                derived = _derived_aliases(data)
                organisations.append(
                    Organisation(
                        id=data["id"],
                        name=data["name"],
                        kind=data["kind"],
                        # (a saved gazetteer holds the derived names already: once each)
                        aliases=tuple(dict.fromkeys(tuple(data.get("aliases", ())) + derived)),
                        region=data.get("region"),
                        country=data.get("country"),
                        place=data.get("place"),
                        place_aliases=tuple(data.get("place_aliases", ())),
                    )
                )
        return cls(organisations)

    def organisation(self, org_id: str | None) -> Organisation | None:
        """The organisation of an id: the gazetteer's, else one of a graded kind the
        gazetteer does not list, named by its slug (`unlisted`)."""
        if not org_id:
            return None
        return self.by_id.get(org_id) or unlisted(org_id)

    def lookup(self, name: str) -> Organisation | None:
        org_id = self.by_name.get(name.lower())
        return self.by_id.get(org_id) if org_id else None

    def resolve_place(self, place: str, prefer_kind: str | None) -> Organisation | None:
        """A bare place name ("Norfolk") means the council or the force, by context."""
        candidates = [self.by_id[i] for i in self.by_place.get(place.lower(), [])]
        if not candidates or prefer_kind is None:
            return None  # a bare place name means an organisation only in a known domain
        for org in candidates:
            if org.kind == prefer_kind:
                return org
        return None  # "Bedford" in a prison report is the town, not the council


def _derived_aliases(data: dict) -> tuple[str, ...]:
    """Names a row implies: a Welsh council (listed by its full name, with no bare place) runs the
    youth justice service named after it ("Flintshire Youth Justice Service" is Flintshire County
    Council's), and a probation region is "the North West region" in HMI Probation's reports."""
    kind, name = data["kind"], data["name"]
    if kind == "local_authority" and not data.get("place"):
        stem = _WELSH_COUNCIL.sub("", name)
        return (f"{stem} Youth Justice Service", f"{stem} Youth Offending Service") if stem != name else ()
    if kind == "probation_service" and name.endswith(" Probation Region"):
        return (f"{name[: -len(' Probation Region')]} region",)
    return ()


_WELSH_COUNCIL = re.compile(r"\s+(?:County\s+Borough\s+|County\s+|City\s+and\s+County\s+|City\s+)?Council$")

# A local unit's kind after its place, and the words that join places in a name.
_UNIT_KIND = re.compile(r"\s+Probation (?:Delivery Unit|Region)$")
_PLACE_JOINERS = frozenset(("and", "of", "the", "upon", "on", "with"))


# A named body of a kind miner grades but the gazetteer does not list ("Lambeth PDU",
# "University Hospitals Plymouth NHS Trust", "HMP Ashfield") has the slug of its full
# name as id (ANNOTATION.md); its kind is read back from the slug.
# A hospital the CQC rates as a location of its trust ("Royal Lancaster Infirmary") is one too, and so is a GP practice.
_UNLISTED_SUFFIXES = (("-probation-delivery-unit", "probation_service", "Probation Delivery Unit"), ("-nhs-foundation-trust", "health_provider", ""), ("-nhs-trust", "health_provider", ""), ("-hospital", "health_provider", ""), ("-infirmary", "health_provider", ""), ("-wing", "health_provider", ""), ("-medical-practice", "health_provider", ""), ("-surgery", "health_provider", ""), ("-medical-centre", "health_provider", ""), ("-health-centre", "health_provider", ""), ("-care-home", "health_provider", ""), ("-nursing-home", "health_provider", ""), ("-home-care", "health_provider", ""), ("-local-safeguarding-children-board", "other", ""))
_UNLISTED_PREFIXES = (("hmp-", "prison"), ("hmyoi-", "prison"))


def slug(name: str) -> str:
    """The id form of a name: lower case, "&" as "and", apostrophes dropped, other non-alphanumerics as hyphens."""
    text = re.sub(r"['’]", "", name.replace("&", " and ").lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@functools.lru_cache(maxsize=4096)
def unlisted(org_id: str) -> Organisation | None:
    """The organisation an unlisted body's slug stands for, or None when it is no such slug."""
    for suffix, kind, written in _UNLISTED_SUFFIXES:
        if org_id.endswith(suffix) and len(org_id) > len(suffix):
            place = org_id[: -len(suffix)].replace("-", " ").title()
            if written:  # a probation delivery unit: also "X PDU"
                return Organisation(id=org_id, name=f"{place} {written}", kind=kind, aliases=(f"{place} PDU",))
            return Organisation(id=org_id, name=org_id.replace("-", " ").title().replace("Nhs", "NHS"), kind=kind)
    for prefix, kind in _UNLISTED_PREFIXES:
        if org_id.startswith(prefix) and len(org_id) > len(prefix):
            return Organisation(id=org_id, name=f"{prefix[:-1].upper()} {org_id[len(prefix):].replace('-', ' ').title()}", kind=kind)
    if _LOCATION_AND_TOWN.fullmatch(org_id):
        # A hospital named with its town after it ("Queen's Hospital Burton": queens-hospital-burton).
        return Organisation(id=org_id, name=org_id.replace("-", " ").title(), kind="health_provider")
    return None


def safeguarding_board_id(gazetteer: "Gazetteer", council_id: str | None) -> str | None:
    """The id of the Local Safeguarding Children Board of a council (Ofsted's SIF reviewed it beside
    the council's services): the gazetteer's ("Croydon Safeguarding Children Board"), else the slug of
    "<place> Local Safeguarding Children Board"; None when `council_id` is no council with a place."""
    council = gazetteer.organisation(council_id)
    if council is None or council.kind != "local_authority" or not council.place:
        return None
    listed = slug(f"{council.place} Safeguarding Children Board")
    return listed if listed in gazetteer.by_id else slug(f"{council.place} Local Safeguarding Children Board")


# The SIF's judgement row of a Local Safeguarding Children Board, with its grade: a report that judges
# the board (organisations resolve its mentions to the board; gradings record the grade).
BOARD_ROW = re.compile(r"(?m)^(?:The\s+)?(?:effectiveness\s+of\s+the\s+)?Local\s+Safeguarding\s+Children\s+Board(?:\s+\(LSCB\))?[^\S\n]*(?:\|[^\S\n]*)?(?P<grade>Outstanding|Good|Requires\s+improvement(?:\s+to\s+be\s+good)?|Inadequate)[^\S\n]*$")

_LOCATION_AND_TOWN = re.compile(r"[a-z0-9-]+-(?:hospital|infirmary)-[a-z]+")
