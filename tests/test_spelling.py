"""Question words brought onto the store's words: compounds joined and split, typos corrected."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.store import Store
from knowledge.text.spelling import Speller


def test_words_written_apart_are_joined_into_a_known_compound() -> None:
    speller = Speller({"mensenrechtenschendingen", "detentieomstandigheden", "mensen"})
    assert speller.correct(["mensen", "rechten", "schendingen", "en", "detentie", "omstandigheden"]) == [
        "mensenrechtenschendingen", "en", "detentieomstandigheden"
    ]


def test_function_words_are_never_joined() -> None:
    speller = Speller({"overheid", "voorbereiding"}, function_words={"over", "voor"})
    assert speller.correct(["over", "heid", "voor", "bereiding"]) == ["over", "heid", "voor", "bereiding"]


def test_a_compound_of_two_known_words_is_split() -> None:
    speller = Speller({"kranten", "bericht", "verkiezing", "uitslag"})
    assert speller.correct(["krantenbericht"]) == ["kranten", "bericht"]
    assert speller.correct(["verkiezingsuitslag"]) == ["verkiezing", "uitslag"]


def test_a_word_with_one_unknown_part_stays_whole() -> None:
    speller = Speller({"vlucht", "politie"})
    assert speller.correct(["vluchtelingen", "politieagent"]) == ["vluchtelingen", "politieagent"]


def test_parts_must_be_real_words_not_function_words_or_fragments() -> None:
    speller = Speller({"over", "eu", "heid", "ropa"}, function_words={"over"})
    assert speller.correct(["overheid", "euroopa"]) == ["overheid", "euroopa"]


def test_known_words_and_numbers_are_left_alone() -> None:
    speller = Speller({"sancties", "sanctie", "lijst"})
    assert speller.correct(["sancties", "2021", "sanctielijst"]) == ["sancties", "2021", "sanctie", "lijst"]


def test_a_real_word_is_only_corrected_to_another_form_of_itself() -> None:
    speller = Speller({"help", "sturen", "steun", "bedreigingen"}, is_word=lambda w: w in {"hulp", "studeren", "steunt"})
    assert speller.correct(["hulp", "studeren", "steunt", "bedriegingen"]) == ["hulp", "studeren", "steun", "bedreigingen"]


def test_the_dictionary_knows_common_words_and_not_misspellings() -> None:
    from knowledge.text.dictionary import is_word

    assert all(map(is_word, ["hulp", "studeren", "weather", "безопасность", "invloed"]))
    assert not any(map(is_word, ["aangfite", "poltie", "belarusische", "qzxv"]))


def test_two_swapped_letters_are_one_typo() -> None:
    speller = Speller({"visit", "prisoners", "aangifte"}, is_word=lambda w: False)
    assert speller.correct(["visti", "prisnoers", "aangfite"]) == ["visit", "prisoners", "aangifte"]


def test_when_the_nearest_word_is_no_correction_the_next_one_may_be() -> None:
    # 'protesteren' is a real word: 'protesten' (another ending) may replace it, 'prtesteren' (nearer,
    # but differing early on, so another word) may not.
    speller = Speller({"prtesteren", "protesten"}, is_word=lambda w: w == "protesteren")
    assert speller.correct(["protesteren"]) == ["protesten"]


def test_each_language_brings_a_word_list_of_its_own() -> None:
    """The lists come through pyspellchecker's public API; an empty one would go unnoticed otherwise."""
    from spellchecker import SpellChecker

    from knowledge.text.dictionary import MIN_COUNT, frequency

    for language in MIN_COUNT:
        common = [w for w, c in SpellChecker(language=language, distance=1).word_frequency.items() if c >= 100_000]
        assert len(common) >= 20, language
    assert all(frequency(word) >= 1_000 for word in ("het", "the", "что"))


def test_looking_only_at_words_of_a_near_length_finds_what_the_whole_vocabulary_gives() -> None:
    """The closest word is searched among words within reach of its length only: the same
    correction as one search over the whole sorted vocabulary, ties included."""
    import random

    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    from knowledge.text.spelling import CLOSEST

    rng = random.Random(5)
    letters = "aeiorstnbk"
    vocabulary = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(3000)}
    speller = Speller(vocabulary, is_word=lambda word: False)
    ordered = sorted(vocabulary)

    def whole(word: str) -> str | None:
        cutoff = 1 if len(word) < 7 else 2
        choices = process.extract(word, ordered, scorer=OSA.distance, score_cutoff=cutoff, limit=CLOSEST)
        for candidate, _, _ in sorted(choices, key=lambda c: (c[1], -fuzz.ratio(word, c[0]), c[0])):
            if speller._convincing(word, candidate):
                return candidate
        return None

    words = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 11))) for _ in range(400)]
    found = [speller._closest(word) for word in words]
    assert sum(f is not None for f in found) > 50  # the test looks at real corrections
    assert found == [whole(word) for word in words]
    assert [speller._closest(word) for word in words] == found  # and remembered the same


def test_a_short_unknown_word_one_typo_from_a_function_word_becomes_it() -> None:
    speller = Speller({"sanctions", "belarus"}, function_words={"how", "many", "any", "have", "had", "can", "or", "are"})
    assert speller.correct(["mny", "cna", "hav"]) == ["many", "can", "have"]  # a dropped letter first
    assert speller.correct(["ar"]) == ["ar"]  # a real word ('ar' is in the lists) stays


def test_a_short_word_is_never_corrected_onto_a_content_word() -> None:
    speller = Speller({"obi", "kgb", "sanctions"}, function_words={"the", "of"})
    assert speller.correct(["obo", "kgv", "tje"]) == ["obo", "kgv", "the"]


def test_a_longer_word_of_no_word_list_is_not_made_a_function_word() -> None:
    # 'калію' (potash) is 'калі' (when) with a letter more: made a function word, a question about
    # potash sanctions became one about sanctions. An everyday form of a function word still is one.
    speller = Speller({"калі", "tell", "санкцыі"}, function_words={"калі", "tell"}, is_word=lambda w: w == "tells")
    assert speller.correct(["калію", "tells", "санкцыі"]) == ["калію", "tell", "санкцыі"]


def _whole_vocabulary_within(vocabulary: list[str], word: str, max_edits: int) -> list[tuple[str, float]]:
    """Every known word at most max_edits typos away, by an edit distance to each (no screen)."""
    from rapidfuzz.distance import OSA

    return sorted((known, float(d)) for known in vocabulary if (d := OSA.distance(word, known)) <= max_edits)


@pytest.fixture(scope="module")
def shipped_speller() -> Speller:
    """The speller the shipped store's index corrects questions with (Latin and Cyrillic words)."""
    store = Store.in_memory()
    seed_store(store)
    service = AnswerService(store)
    service.index.correct_tokens(["x"])
    speller = service.index._speller
    assert speller is not None
    return speller


def _typed(known: list[str], data: st.DataObject) -> str:
    """A known word with up to three slips (letters dropped, doubled, swapped, replaced), or any word."""
    letters = "abcdeijklmnorstuvzабвгдеийклмнорстуўыіэ"
    if data.draw(st.booleans()):
        return data.draw(st.text(alphabet=letters, min_size=4, max_size=14))
    word = list(data.draw(st.sampled_from(known)))
    for _ in range(data.draw(st.integers(0, 3))):
        if not word:
            break
        at = data.draw(st.integers(0, len(word) - 1))
        slip = data.draw(st.sampled_from(["drop", "double", "swap", "replace"]))
        if slip == "drop":
            del word[at]
        elif slip == "double":
            word.insert(at, word[at])
        elif slip == "swap" and at + 1 < len(word):
            word[at], word[at + 1] = word[at + 1], word[at]
        else:
            word[at] = data.draw(st.sampled_from(letters))
    return "".join(word)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_letter_screen_keeps_every_word_an_edit_distance_to_each_would_find(
    shipped_speller: Speller, data: st.DataObject
) -> None:
    """Words a typo or two away, found by screening on letters first, are exactly those an edit
    distance to every word of the vocabulary finds; so is the correction chosen among them."""
    vocabulary = sorted(shipped_speller.known)
    word = _typed([w for w in vocabulary if len(w) >= 4], data)
    max_edits = 1 if len(word) < 7 else 2
    assert sorted(shipped_speller._within(word, max_edits)) == _whole_vocabulary_within(vocabulary, word, max_edits)


def test_letters_sharing_a_bit_of_the_screen_hide_no_word() -> None:
    """With more than 64 letters, some share a bit: the screen may keep more, never fewer."""
    import random

    rng = random.Random(11)
    letters = [chr(c) for c in range(0x61, 0x7B)] + [chr(c) for c in range(0x430, 0x450)] + [chr(c) for c in range(0x3B1, 0x3C9)]
    assert len(letters) > 64
    pairs = (rng.choice(letters[:12]) + rng.choice(letters) for _ in range(4000 * 5))
    vocabulary = sorted({"".join(next(pairs) for _ in range(rng.randint(2, 5))) for _ in range(4000)})
    speller = Speller(vocabulary, is_word=lambda word: False)
    words = [w[: rng.randrange(len(w))] + rng.choice(letters) + w[rng.randrange(len(w)) :] for w in rng.sample(vocabulary, 300)]
    found = 0
    for word in words:
        max_edits = 1 if len(word) < 7 else 2
        within = sorted(speller._within(word, max_edits))
        assert within == _whole_vocabulary_within(vocabulary, word, max_edits)
        found += bool(within)
    assert found > 100  # the words are within reach of others
