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
