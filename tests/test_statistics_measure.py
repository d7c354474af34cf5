"""What a figure measures (corpora/ANNOTATION.md, Statistics: `measure`, "a short noun phrase for what
is counted, as the text names it"), by category: the noun phrase with its post-modifier, the head
noun of "a target/average/backlog of N", the clause subject of "X was/stood at N", a money verb's
object, the cases of "in N% of X", and never a lone adverb, determiner, pronoun or number word."""

import pytest

from miner.nlp.statistics import find_statistics


def measures(sentence):
    return [(s.value, s.unit, s.measure) for s in find_statistics(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # "N% of X [were] in/with ...": X and its post-modifier, the auxiliary dropped.
    ("Only 37 per cent of young people on licence were in work, training or education.",
     [(37, "percent", "young people on licence in work, training or education")]),
    ("Nationally, 14 of the councils were rated inadequate.", [(14, "count", "councils rated inadequate")]),
    ("In 2022, 88% of care leavers aged 17 and 18 were in suitable accommodation, compared with 79% nationally.",
     [(88, "percent", "care leavers aged 17 and 18 in suitable accommodation"),
      (79, "percent", "care leavers aged 17 and 18 in suitable accommodation nationally")]),
    # A pronoun is no measure: what is said of them is.
    ("Around a quarter of them had been in custody for more than a year.", [(0.25, "ratio", "in custody for more than a year")]),
    # "N nouns": the noun and what follows it, not the time after it.
    ("Some 2,450 children were living in temporary accommodation at the end of March.",
     [(2450, "count", "children living in temporary accommodation")]),
    # "an average of N minutes ...": the average time, of what the clause says.
    ("Crews took an average of 23 minutes to reach patients with chest pain, against a national target of 18 minutes.",
     [(23, "minutes", "average time to reach patients with chest pain"),
      (18, "minutes", "national target for average time to reach patients with chest pain")]),
    ("Only 58 per cent of 999 calls were answered within ten seconds, against a national target of 90 per cent.",
     [(58, "percent", "999 calls answered within ten seconds"),
      (90, "percent", "national target for 999 calls answered within ten seconds")]),
    ("There was a backlog of 640 devices awaiting forensic examination.",
     [(640, "count", "backlog of devices awaiting forensic examination")]),
    # "X was/stood at N": the clause subject.
    ("The trust's overspend on agency nurses stood at 8%.", [(8, "percent", "trust's overspend on agency nurses")]),
    ("The positive rate for mandatory drug tests was 31%.", [(31, "percent", "positive rate for mandatory drug tests")]),
    # Money: the verb's noun and its object.
    ("The council spent £7.2 million on home-to-school transport in 2023.", [(7200000, "gbp", "spending on home-to-school transport")]),
    ("The borough has invested an extra £3m in family hubs.", [(3000000, "gbp", "extra investment in family hubs")]),
    # "in N% of X": the X where what the clause says happened.
    ("A return home interview was offered in only 62 per cent of the missing episodes we sampled.",
     [(62, "percent", "missing episodes we sampled where return home interview was offered")]),
    ("Of the 140 referrals we examined, 81 per cent had a clear record of the decision.",
     [(140, "count", "referrals we examined"), (81, "percent", "referrals we examined had a clear record of the decision")]),
    # "X make up N% of Y": X in Y.
    ("Girls make up 12% of the youth offending caseload in the county.", [(12, "percent", "Girls in youth offending caseload")]),
    ("The council has spent £12m on agency social workers this year.", [(12000000, "gbp", "spending on agency social workers")]),
])
def test_measure_by_category(sentence, expected):
    assert measures(sentence) == expected


@pytest.mark.parametrize("sentence, junk", [
    # Traps: a lone adverb, pronoun or determiner before the figure is no measure.
    ("We found that almost 30% were late.", "almost"),
    ("Nationally, the figure is 41%.", "Nationally"),
    ("It was only 12%.", "only"),
])
def test_never_a_lone_function_word(sentence, junk):
    [stat] = find_statistics(sentence)
    assert stat.measure != junk and (stat.measure is None or stat.measure.split() != [junk])


def test_a_threshold_stays_and_a_time_does_not():
    # the threshold qualifies the figure (ANNOTATION.md); "in 2023" and "during the inspection" are its period
    [stat] = find_statistics("During the inspection, 95 prisoners had been held for longer than 28 days in 2023.")
    assert stat.measure == "prisoners held for longer than 28 days"


def test_a_list_of_places_is_not_the_measure():
    [stat] = find_statistics("The service answers about 1.1 million calls a year across Kent and Medway.")
    assert stat.measure == "calls a year"
