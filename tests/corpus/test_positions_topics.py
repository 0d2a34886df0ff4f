"""Topics across articles: one key for the ways articles name a topic."""

from __future__ import annotations

from saidwhat.corpus.positions import cluster_topics, topic_key


def test_topic_key_ignores_stop_words_case_and_plurals():
    assert topic_key("Climate change in the Arctic") == topic_key("the arctic climate changes")
    assert topic_key("the New START Treaty") == topic_key("New START treaty")
    assert topic_key("arms control") != topic_key("climate change")


def test_cluster_topics_names_each_group_by_its_most_frequent_phrase():
    labels = cluster_topics(["New START", "New START", "the New START treaty", "Navalny",
                             "Alexei Navalny", "arms control"])
    assert labels["the New START treaty"] == "New START"
    assert labels["Alexei Navalny"] == labels["Navalny"]
    assert labels["arms control"] == "arms control"
    assert len(set(labels.values())) == 3


def naive_clusters(phrases, min_overlap=0.5):
    """The grouping rule written out plainly: every earlier group compared, in order."""
    from collections import Counter

    from saidwhat.corpus.positions import overlap

    groups = []
    counts = Counter(phrases)
    for phrase, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        key = topic_key(phrase)
        for rep, members in groups:
            if key and overlap(key, rep) >= min_overlap:
                members.append(phrase)
                break
        else:
            groups.append((key, [phrase]))
    return {p: members[0] for _, members in groups for p in members}


def test_clustering_compares_only_groups_sharing_a_word_and_agrees_with_the_plain_rule():
    import random

    words = ["tax", "taxes", "reform", "border", "wall", "climate", "change", "Arctic", "deal",
             "Iran", "nuclear", "the", "of", "rail", "plan", "police", "funding", "trade"]
    rnd = random.Random(7)
    phrases = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4)))
               for _ in range(3000)]
    assert cluster_topics(phrases) == naive_clusters(phrases)
