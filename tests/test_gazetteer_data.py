"""The shipped organisation gazetteer (miner/nlp/data/organisations.jsonl)."""

from __future__ import annotations

import json
import pathlib
import re
from collections import Counter

import pytest

from miner.nlp.gazetteer import ANAPHORS, Gazetteer

PATH = pathlib.Path(__file__).resolve().parents[1] / "miner" / "nlp" / "data" / "organisations.jsonl"
KINDS = {
    "police_force", "local_authority", "inspectorate", "fire_and_rescue_service", "prison", "government",
    "police_and_crime_commissioner", "probation_service", "health_provider", "other",
}
GENERIC = {
    "the force", "the constabulary", "the police", "the council", "the local authority", "the authority",
    "the trust", "the inspectorate", "the service", "the brigade", "the prison", "the jail",
    "the establishment", "the watchdog", "the department", "the government", "council", "police",
}


def slug(name: str) -> str:
    s = name.lower().replace("&", " and ")
    s = re.sub(r"['’]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def load() -> list[dict]:
    rows = []
    with open(PATH, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported by the assertion
                pytest.fail(f"line {number} does not parse: {exc}")
    return rows


ROWS = load()
BY_ID = {row["id"]: row for row in ROWS}


def of_kind(kind: str) -> list[dict]:
    return [row for row in ROWS if row["kind"] == kind]


def test_every_line_parses_to_an_object_with_the_required_fields():
    assert ROWS
    for row in ROWS:
        assert isinstance(row, dict)
        assert isinstance(row["id"], str) and row["id"]
        assert isinstance(row["name"], str) and row["name"]
        assert row["kind"] in KINDS, row
        assert isinstance(row["aliases"], list), row["id"]
        assert all(isinstance(a, str) and a.strip() == a and a for a in row["aliases"]), row["id"]
        assert row.get("region") is None or isinstance(row["region"], str)
        assert isinstance(row.get("country"), str), row["id"]


def test_ids_unique():
    counts = Counter(row["id"] for row in ROWS)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_id_is_a_slug_of_its_name():
    for row in ROWS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]
        assert row["id"] == slug(row["name"]), (row["id"], row["name"])


def test_ids_are_ascii_slugs_even_for_ampersands_and_apostrophes():
    assert slug("Avon & Somerset Constabulary") == "avon-and-somerset-constabulary"
    assert slug("National Police Chiefs' Council") == "national-police-chiefs-council"
    assert slug("Bournemouth, Christchurch and Poole Council") == "bournemouth-christchurch-and-poole-council"
    assert "national-police-chiefs-council" in BY_ID


def test_43_territorial_forces_in_england_and_wales():
    forces = of_kind("police_force")
    assert all(isinstance(row.get("territorial"), bool) for row in forces)
    territorial = [row for row in forces if row["territorial"]]
    assert len(territorial) == 43
    assert Counter(row["country"] for row in territorial) == {"England": 39, "Wales": 4}
    others = {row["id"] for row in forces if not row["territorial"]}
    assert others == {
        "british-transport-police",
        "police-scotland",
        "police-service-of-northern-ireland",
        "civil-nuclear-constabulary",
        "ministry-of-defence-police",
        # The Crown Dependencies' forces, which HMICFRS inspects by invitation.
        "states-of-jersey-police",
        "bailiwick-of-guernsey-law-enforcement",
        "isle-of-man-constabulary",
    }
    assert all("territorial" not in row for row in ROWS if row["kind"] != "police_force")


def test_153_local_authorities_each_with_a_place():
    # England's 153 children's services authorities; Wales's 22 councils are listed too (below).
    councils = [row for row in of_kind("local_authority") if row["country"] != "Wales"]
    assert len(councils) == 153
    places = [row.get("place") for row in councils]
    assert all(isinstance(p, str) and p for p in places)
    assert len(set(places)) == 153
    assert all(row["country"] == "England" for row in councils)
    # London: 32 boroughs and the City.
    assert sum(row["region"] == "London" for row in councils) == 33
    for place in ("Dorset", "Bournemouth, Christchurch and Poole", "North Northamptonshire", "West Northamptonshire",
                  "Cumberland", "Westmorland and Furness", "North Yorkshire", "Somerset", "Buckinghamshire",
                  "Isles of Scilly", "City of London"):
        assert place in places, place
    for gone in ("Northamptonshire", "Cumbria", "Poole", "Bournemouth"):
        assert gone not in places, gone


def test_44_fire_and_rescue_services():
    services = of_kind("fire_and_rescue_service")
    assert len(services) == 44
    assert all(row["country"] == "England" for row in services)


def test_no_alias_collisions_across_organisations():
    owner: dict[str, str] = {}
    clashes = []
    for row in ROWS:
        for name in {n.lower() for n in [row["name"], *row["aliases"]]}:
            if name in owner and owner[name] != row["id"]:
                clashes.append((name, owner[name], row["id"]))
            owner.setdefault(name, row["id"])
    assert clashes == []


def test_22_welsh_councils_by_their_full_names_only():
    # Care Inspectorate Wales inspects their children's services (no grades). Listed without a bare
    # place: "Cardiff" or "Swansea" in a prison or police story is the city, not the council.
    welsh = [row for row in of_kind("local_authority") if row["country"] == "Wales"]
    assert len(welsh) == 22
    assert all("place" not in row and row["region"] == "Wales" for row in welsh)
    assert all(row["name"].endswith("Council") for row in welsh)
    assert "ceredigion-county-council" in {row["id"] for row in welsh}
    ciw = [row for row in ROWS if row["id"] == "care-inspectorate-wales"]
    assert len(ciw) == 1 and ciw[0]["kind"] == "inspectorate" and "CIW" in ciw[0]["aliases"]


def test_aliases_are_not_generic_words_or_bare_council_places():
    anaphors = {p for phrases in ANAPHORS.values() for p in phrases}
    council_places = {row["place"].lower() for row in of_kind("local_authority") if "place" in row}
    for row in ROWS:
        for alias in row["aliases"]:
            low = alias.lower()
            assert low not in GENERIC | anaphors, (row["id"], alias)
            assert low not in council_places, (row["id"], alias)
            assert len(low) >= 3, (row["id"], alias)


def test_regions_use_one_vocabulary():
    english = {"North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
               "East of England", "London", "South East", "South West"}
    for row in ROWS:
        if row["kind"] == "fire_and_rescue_service" or (row["kind"] == "local_authority" and row["country"] != "Wales"):
            assert row["region"] in english, row["id"]
        if row["kind"] == "local_authority" and row["country"] == "Wales":
            assert row["region"] == "Wales", row["id"]
        if row["kind"] in {"prison", "probation_service", "health_provider"} and row["id"] != "probation-service":
            assert row["region"] in english | {"Wales"}, row["id"]
            assert (row["region"] == "Wales") == (row["country"] == "Wales"), row["id"]
        if row["kind"] == "police_force" and row["territorial"]:
            assert row["region"] in english | {"Wales"}, row["id"]
            assert (row["region"] == "Wales") == (row["country"] == "Wales"), row["id"]


@pytest.mark.parametrize(
    "mention, org_id",
    [
        ("the Met", "metropolitan-police-service"),
        ("Met Police", "metropolitan-police-service"),
        ("Scotland Yard", "metropolitan-police-service"),
        ("GMP", "greater-manchester-police"),
        ("West Mids Police", "west-midlands-police"),
        ("TVP", "thames-valley-police"),
        ("Devon & Cornwall Police", "devon-and-cornwall-police"),
        ("Avon and Somerset", "avon-and-somerset-constabulary"),
        ("PSNI", "police-service-of-northern-ireland"),
        ("BTP", "british-transport-police"),
        ("Birmingham Children's Trust", "birmingham-city-council"),
        ("Doncaster Council", "city-of-doncaster-council"),
        ("Slough Children First", "slough-borough-council"),
        ("Together for Children", "sunderland-city-council"),
        ("Hackney Council", "london-borough-of-hackney"),
        ("Norfolk County Council", "norfolk-county-council"),
        ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "hmicfrs"),
        ("Office for Standards in Education, Children's Services and Skills", "ofsted"),
        ("HMIP", "hmi-prisons"),
        ("the prisons inspectorate", "hmi-prisons"),
        ("HMICS", "hm-inspectorate-of-constabulary-in-scotland"),
        ("IOPC", "independent-office-for-police-conduct"),
        ("NPCC", "national-police-chiefs-council"),
        ("LFB", "london-fire-brigade"),
        ("Bedford jail", "hmp-bedford"),
        ("Strangeways", "hmp-manchester"),
        ("Feltham YOI", "hmyoi-feltham"),
        ("The Scrubs", "hmp-wormwood-scrubs"),
        ("Belmarsh", "hmp-belmarsh"),
        ("HMP & YOI Parc", "hmp-parc"),
        ("Parc prison", "hmp-parc"),
        ("The Verne", "hmp-the-verne"),
        ("HMYOI Aylesbury", "hmyoi-aylesbury"),
        ("HM Prison Full Sutton", "hmp-full-sutton"),
        ("Lambeth PDU", "lambeth-probation-delivery-unit"),
        ("Kirklees probation delivery unit", "kirklees-probation-delivery-unit"),
        ("Greater Manchester probation region", "greater-manchester-probation-region"),
        ("Probation Service Cymru", "wales-probation-region"),
        ("Newcastle PDU", "newcastle-upon-tyne-probation-delivery-unit"),
        # Units named after several places, with and without the comma, "&" for "and".
        ("Birmingham North, East and Solihull PDU", "birmingham-north-east-and-solihull-probation-delivery-unit"),
        ("Birmingham North East and Solihull Probation Delivery Unit", "birmingham-north-east-and-solihull-probation-delivery-unit"),
        ("Leicester, Leicestershire & Rutland PDU", "leicester-leicestershire-and-rutland-probation-delivery-unit"),
        ("Redcar, Cleveland and Middlesbrough probation delivery unit", "redcar-cleveland-and-middlesbrough-probation-delivery-unit"),
        ("Dyfed-Powys PDU", "dyfed-powys-probation-delivery-unit"),
        ("Portsmouth and Isle of Wight PDU", "portsmouth-and-the-isle-of-wight-probation-delivery-unit"),
        ("Welsh Ambulance Service", "welsh-ambulance-services-university-nhs-trust"),
        ("Queen Elizabeth Hospital King's Lynn NHS Foundation Trust", "the-queen-elizabeth-hospital-kings-lynn-nhs-foundation-trust"),
        ("Guy’s and St Thomas’ NHS Foundation Trust", "guys-and-st-thomas-nhs-foundation-trust"),
        ("Leeds Teaching Hospitals", "leeds-teaching-hospitals-nhs-trust"),
    ],
)
def test_the_shipped_gazetteer_resolves_press_names(mention, org_id):
    org = Gazetteer.from_jsonl(PATH).lookup(mention)
    assert org is not None and org.id == org_id, mention


def test_bare_places_resolve_by_context():
    gazetteer = Gazetteer.from_jsonl(PATH)
    assert gazetteer.lookup("Norfolk") is None
    assert gazetteer.resolve_place("Norfolk", "local_authority").id == "norfolk-county-council"
    assert gazetteer.resolve_place("Norfolk", "police_force").id == "norfolk-constabulary"
    assert gazetteer.resolve_place("London", None) is None


# The graded kinds: every body an inspectorate grades, named as the unlisted-body fallback
# names one it does not know (the slug of its full name: "hmp-x", "x-probation-delivery-unit",
# "... NHS (Foundation) Trust"), so a listed body and the fallback agree on its id.
PRISON_NAME = re.compile(r"HM(?:P|YOI) (?P<place>.+)")


def test_every_prison_in_england_and_wales():
    prisons = of_kind("prison")
    assert len(prisons) >= 115
    assert Counter(row["country"] for row in prisons)["Wales"] == 6
    for row in prisons:
        m = PRISON_NAME.fullmatch(row["name"])
        assert m, row["id"]
        place = m.group("place")
        assert row["id"] == ("hmyoi-" if row["name"].startswith("HMYOI") else "hmp-") + slug(place), row["id"]
        assert any(a.startswith(("HM Prison ", "HM Young Offender Institution ")) for a in row["aliases"]), row["id"]
    for place in ("Altcourse", "Berwyn", "Parc", "Oakwood", "Full Sutton", "Belmarsh", "Frankland", "Long Lartin", "Whitemoor",
                  "Wakefield", "Bronzefield", "Thameside", "Five Wells", "Fosse Way", "The Mount", "The Verne", "Usk", "Brixton"):
        assert f"hmp-{slug(place)}" in BY_ID, place
    for place in ("Aylesbury", "Wetherby", "Werrington", "Feltham", "Cookham Wood"):
        assert f"hmyoi-{slug(place)}" in BY_ID, place


def test_probation_regions_and_delivery_units():
    units = [row for row in of_kind("probation_service") if row["id"].endswith("-probation-delivery-unit")]
    assert len(units) >= 60
    for row in units:
        place = row["name"].removesuffix(" Probation Delivery Unit")
        assert place != row["name"], row["id"]
        assert f"{place} PDU" in row["aliases"], row["id"]
    regions = [row for row in of_kind("probation_service") if row["id"].endswith("-probation-region")]
    assert {row["name"] for row in regions} == {f"{r} Probation Region" for r in (
        "North East", "North West", "Greater Manchester", "Yorkshire and the Humber", "East Midlands", "West Midlands",
        "East of England", "London", "Kent, Surrey and Sussex", "South Central", "South West", "Wales")}
    assert BY_ID["wales-probation-region"]["country"] == "Wales"


def test_delivery_units_are_named_in_full_and_by_their_kind():
    # Every unit of each region HMI Probation names: an alias is the unit's place with its kind
    # ("X PDU", "X Probation Delivery Unit"), never a bare place that fires on ordinary text
    # ("Warwickshire", "York"); a name of places joined by "and" has its "&" form, and one with
    # a comma ("Birmingham North, East and Solihull") its form without the comma too.
    units = [row for row in of_kind("probation_service") if row["id"].endswith("-probation-delivery-unit")]
    assert len(units) >= 89
    for row in units:
        place = row["name"].removesuffix(" Probation Delivery Unit")
        assert row["id"] == slug(row["name"]), row["id"]
        for alias in row["aliases"]:
            assert alias.endswith((" PDU", " Probation Delivery Unit")), (row["id"], alias)
        if " and " in place:
            assert f"{place.replace(' and ', ' & ')} PDU" in row["aliases"], row["id"]
        if ", " in place:
            assert f"{place.replace(', ', ' ')} PDU" in row["aliases"], row["id"]
    by_region = Counter(row["region"] for row in units)
    assert all(by_region[region] >= 3 for region in ("North East", "North West", "Yorkshire and the Humber", "East Midlands",
                                                     "West Midlands", "East of England", "London", "South East", "South West", "Wales"))
    for place in ("Birmingham North, East and Solihull", "Birmingham Central and South", "Leicester, Leicestershire and Rutland",
                  "Warwickshire", "Staffordshire and Stoke", "Redcar, Cleveland and Middlesbrough", "Cwm Taf Morgannwg", "North Wales"):
        assert slug(f"{place} Probation Delivery Unit") in BY_ID, place


@pytest.mark.parametrize("line, expected", [
    # A listed unit whose name joins places with a comma is matched whole, with or without it.
    ("Staff at Leicester, Leicestershire and Rutland Probation Delivery Unit told inspectors their caseloads were too high.",
     {"leicester-leicestershire-and-rutland-probation-delivery-unit"}),
    ("The Birmingham North East and Solihull PDU was judged inadequate in 2022.",
     {"birmingham-north-east-and-solihull-probation-delivery-unit"}),
    ("Inspectors returned to Redcar, Cleveland & Middlesbrough PDU last spring.",
     {"redcar-cleveland-and-middlesbrough-probation-delivery-unit"}),
    # An unlisted one: the places before the comma are part of its name, not a tail of it.
    ("Wigan, Bolton and Salford probation delivery unit was rated good.", {"wigan-bolton-and-salford-probation-delivery-unit"}),
    ("Leaders at Oldham, Tameside, Stockport and Trafford PDU welcomed the report.",
     {"oldham-tameside-stockport-and-trafford-probation-delivery-unit"}),
    # A word before the comma that is no place does not join the name.
    ("Nevertheless, Hackney and Haringey PDU was rated good.", {"hackney-and-haringey-probation-delivery-unit"}),
    ("In the end, Halton and Knowsley PDU was rated inadequate.", {"halton-and-knowsley-probation-delivery-unit"}),
])
def test_units_named_with_commas_resolve_whole(extractor, line, expected):
    from tests.document_lines import document_from_lines

    extraction = extractor.extract(document_from_lines([line], "Probation inspection news", published="2025-03-10", kind="news"))
    assert {o["id"] for o in extraction.organisations if o["id"].endswith("-probation-delivery-unit")} == expected


def test_health_providers_include_every_ambulance_service():
    providers = of_kind("health_provider")
    assert len(providers) >= 150
    ambulance = [row for row in providers if "Ambulance" in row["name"]]
    assert len(ambulance) == 11
    assert Counter(row["country"] for row in ambulance) == {"England": 10, "Wales": 1}
    trust = re.compile(r".+ NHS (?:Foundation )?Trust")
    assert all(trust.fullmatch(row["name"]) for row in providers if row["id"] != "hull-royal-infirmary")


@pytest.mark.parametrize("kind", ["prison", "probation_service", "health_provider"])
def test_graded_kinds_have_no_alias_that_is_ordinary_text(kind):
    # A bare word that is a common word, a town or a council's place fires on ordinary text:
    # a prison's bare name is resolved by context, never listed, unless it names only the prison.
    ordinary = {"the mount", "parc", "garth", "send", "ford", "isis", "highpoint", "oakwood", "berwyn", "humber",
                "wandsworth", "send prison", "hull", "portland", "stafford", "the trust",
                "the region", "probation service", "national health service", "nhs", "hospital", "university hospitals"}
    for row in of_kind(kind):
        for alias in row["aliases"]:
            assert alias.lower() not in ordinary, (row["id"], alias)
            if row["id"] != "probation-service":  # "the Probation Service": the national body
                assert alias[:1].isupper() or alias[:1].isdigit(), (row["id"], alias)


def test_listed_bodies_of_graded_kinds_agree_with_the_unlisted_fallback():
    # A body named the way the fallback reads an unlisted one gets the same id and kind
    # whether or not the gazetteer lists it.
    from miner.nlp.gazetteer import slug as gazetteer_slug
    from miner.nlp.gazetteer import unlisted

    for row in ROWS:
        assert gazetteer_slug(row["name"]) == slug(row["name"]), row["id"]
        if row["kind"] == "prison" or row["id"].endswith(("-probation-delivery-unit", "-nhs-trust", "-nhs-foundation-trust")):
            org = unlisted(row["id"])
            assert org is not None and org.kind == row["kind"], row["id"]
