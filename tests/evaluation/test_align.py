from saidwhat.evaluation.align import align, boundaries, carry_pieces, map_pieces

CANON = "Mayor Ann Lee said the bridge will reopen. Critics say it will not."
OURS = "Headline\n\nMayor Ann Lee said the bridge will reopen.  Critics say it will not."


def test_align_maps_shared_characters_and_leaves_extra_ones_unmapped():
    mapping = align(OURS, CANON)
    s = OURS.index("Mayor")
    assert mapping[s] == CANON.index("Mayor")
    assert mapping[OURS.index("Headline")] == -1


def test_map_pieces_joins_consecutive_positions_into_pieces():
    assert map_pieces([(0, 3)], [5, 6, 7]) == ((5, 8),)
    assert map_pieces([(0, 3)], [5, -1, 9]) == ((5, 6), (9, 10))


def test_a_span_after_a_repaired_character_is_carried_back_to_the_raw_text():
    raw = "Tom\u00c3\u00a1s Regalado said the city will pay."
    repaired = "Tom\u00e1s Regalado said the city will pay."
    s = repaired.index("the city")
    (start, end), = map_pieces([(s, s + len("the city will pay"))], align(repaired, raw))
    assert raw[start:end] == "the city will pay"


def test_carry_pieces_keeps_a_span_whole_across_a_replaced_stretch():
    raw = "Tom\u00c3\u00a1s Regalado said no."
    repaired = "Tom\u00e1s Regalado said no."
    maps = boundaries(repaired, raw)
    (s, e), = carry_pieces([(0, len("Tom\u00e1s Regalado"))], maps)
    assert raw[s:e] == "Tom\u00c3\u00a1s Regalado"
    (s, e), = carry_pieces([(repaired.index("said"), len(repaired))], maps)
    assert raw[s:e] == "said no."
