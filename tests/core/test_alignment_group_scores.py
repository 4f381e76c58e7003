"""A group's score and the links shown for it: what the claims panel and Compare Claims show."""

from __future__ import annotations

from sidelight.core.alignment import groups


def scores_and_links(rows: list[list[int]], sim: dict[tuple[int, int], float]):
    import numpy as np

    pairs = (np.array([a for a, _ in sim]), np.array([b for _, b in sim]), np.array(list(sim.values())))
    return groups.scores_and_links(rows, pairs)


def test_a_group_scores_the_average_of_all_its_pairs_a_missing_one_counting_as_nothing():
    sim = {(0, 1): 0.9, (1, 2): 0.6, (3, 4): 0.5, (0, 3): 0.8}  # (0, 3) crosses two groups
    scores, links = scores_and_links([[0, 1, 2], [3, 4], [5]], sim)
    assert scores == [(0.9 + 0.6 + 0.0) / 3, 0.5, 1.0]
    assert links == [[(0, 1), (1, 2)], [(3, 4)], []]


def test_each_member_is_shown_with_its_strongest_counterpart_the_first_of_equals():
    sim = {(0, 1): 0.4, (0, 2): 0.4, (1, 2): 0.7, (2, 3): 0.3}
    _scores, links = scores_and_links([[0, 1, 2, 3]], sim)
    # 0: 1 and 2 tie at 0.4, the first is kept; 1 and 2 are each other's best; 3 has only 2
    assert links == [[(0, 1), (1, 2), (2, 3)]]


def test_a_member_with_no_scored_pair_in_its_group_is_shown_with_the_first_other_member():
    # a researcher's link can join units the scorer never compared
    scores, links = scores_and_links([[0, 1, 2]], {(1, 2): 0.5})
    assert links == [[(0, 1), (1, 2)]]
    assert scores == [0.5 / 3]
