"""Campaign detection: near-identical responses grouped, deterministic and explainable."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import random

from wetgeving.consultation.campaigns import find_campaigns
from wetgeving.consultation.model import Point, Response

LETTER = (
    "Wij maken ons grote zorgen over de verruiming van artikel 273f. Het begrip uitbuiting wordt "
    "zo ruim dat gewone arbeidsconflicten onder het strafrecht vallen. Wij vragen de regering "
    "het voorstel aan te passen en de kwetsbare positie nauwkeuriger te omschrijven."
)


def _resp(n: int, text: str) -> Response:
    return Response(
        id=f"20261128T13{n // 60 % 60:02d}{n % 60:02d}Z-{n:010x}", respondent=f"Persoon {n}",
        organisation="", place="Voorbeeldstad", kind="burger", channel="internetconsultatie",
        received="2026-11-20", openbaar=False, version="v1", points=(Point("algemeen", "", text),),
    )  # fmt: skip


def _unique(rng: random.Random, n: int) -> str:
    words = ["straf", "arbeid", "recht", "slachtoffer", "dwang", "geld", "huis", "werk", "kind",
             "school", "haven", "markt", "bouw", "land", "stad", "zorg", "boete", "rechter"]  # fmt: skip
    return " ".join(rng.choice(words) for _ in range(40)) + f" uniek {n}"


def test_near_identical_responses_form_one_campaign() -> None:
    """Copies with a personal sentence added are grouped; unrelated responses are not."""
    rng = random.Random(1)
    names = ["Anna", "Bram", "Cor", "Daan", "Eva", "Fenna"]
    responses = [_resp(i, LETTER + f" Getekend, {names[i % 6]} {i}.") for i in range(30)]
    responses += [_resp(100 + i, _unique(rng, i)) for i in range(20)]
    found = find_campaigns(responses)
    assert len(found) == 1
    campaign = found[0]
    assert len(campaign.members) == 30
    assert campaign.members[0] == min(r.id for r in responses[:30])
    assert campaign.id.startswith("C") and len(campaign.id) == 9
    assert "Het begrip uitbuiting wordt zo ruim" in campaign.shared_text
    assert "Anna" not in campaign.shared_text and " 12" not in campaign.shared_text
    assert campaign.similarity >= 0.7


def test_campaign_ids_are_deterministic() -> None:
    """The same responses in another order give the same campaign id and members."""
    responses = [_resp(i, LETTER) for i in range(5)]
    a = find_campaigns(responses)
    b = find_campaigns(list(reversed(responses)))
    assert a == b


def test_three_thousand_copies_are_one_campaign() -> None:
    """A mass campaign of 3,000 exact copies (with a few edited ones) is one group."""
    responses = [_resp(i, LETTER) for i in range(3000)]
    responses += [_resp(5000 + i, LETTER.replace("grote", f"zeer grote ({i})")) for i in range(5)]
    found = find_campaigns(responses)
    assert [len(c.members) for c in found] == [3005]


def test_small_groups_below_min_size_are_left_out() -> None:
    """Two identical responses are a campaign only when min_size allows it."""
    responses = [_resp(i, LETTER) for i in range(2)]
    assert find_campaigns(responses) == []
    assert len(find_campaigns(responses, min_size=2)) == 1


def test_short_texts_do_not_collapse_together() -> None:
    """Short unrelated texts ("Eens.", "Oneens.") do not form one campaign."""
    responses = [_resp(i, t) for i, t in enumerate(["Eens.", "Oneens.", "Geen mening.", "Prima"])]
    assert find_campaigns(responses, min_size=2) == []


def test_detection_restores_the_garbage_collector() -> None:
    """Detection pauses the cyclic garbage collector only while it runs, also when it was off."""
    import gc

    assert gc.isenabled()
    assert find_campaigns([]) == []
    assert gc.isenabled()
    gc.disable()
    try:
        find_campaigns([])
        assert not gc.isenabled()
    finally:
        gc.enable()
