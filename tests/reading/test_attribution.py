"""Who says an event happened, and whether it is asserted, claimed, denied, planned, forecast or hypothetical."""

import pytest

from frontwatch.reading.actors import ActorRegistry, protagonist
from frontwatch.reading.attribution import Attributed, attribute, inside_quotation
from frontwatch.records import Attribution


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def at(sentence: str, word: str) -> tuple[int, int]:
    start = sentence.index(word)
    return start, start + len(word)


def read(sentence: str, word: str | None = None, **kwargs) -> Attributed:
    return attribute(sentence, at(sentence, word) if word else None, **kwargs)


def sources(result: Attributed) -> list[tuple[str, str]]:
    return [(a.source, a.kind) for a in result.attribution]


# --- claimed: a party to the fighting says so -----------------------------------------------------------

def test_rebel_spokesman_saying_they_took_a_town_is_a_belligerent_claim():
    s = "The Taliban said they had seized the police headquarters in Farah after an overnight assault."
    result = read(s, "seized", focus_country="AF")
    assert result.modality == "claimed"
    assert sources(result) == [("Taliban", "belligerent")]
    assert result.speaker.name == "Taliban"


def test_state_ministry_announcing_its_own_gain_is_a_claim():
    s = "Russia's defence ministry said its forces had captured the village of Pisky."
    result = read(s, "captured", holder="Russia")
    assert result.modality == "claimed"
    assert sources(result) == [("Russia", "belligerent")]


def test_militia_claims_and_generic_insurgents_claiming_are_claims():
    assert read("Wagner claims its fighters now hold the salt mine.", "hold").modality == "claimed"
    lead = protagonist(ActorRegistry.default(), "The Taliban advanced on the city. Taliban units entered it.")
    result = read("The insurgents claimed they had overrun the airport.", "overrun", protagonist=lead)
    assert result.modality == "claimed" and sources(result) == [("Taliban", "belligerent")]
    unresolved = read("The insurgents claimed they had overrun the airport.", "overrun")
    assert unresolved.modality == "claimed" and sources(unresolved) == [("unnamed armed group", "belligerent")]


def test_party_conceding_a_loss_is_an_official_confirmation():
    s = "On Wednesday the interior ministry confirmed the fall of Faizabad to the insurgents."
    result = read(s, "fall", focus_country="AF")
    assert result.modality == "asserted"
    assert sources(result) == [("Afghan government", "official")]
    assert result.speaker.name == "Afghan government"


def test_party_confirming_its_own_gain_without_holder_is_still_a_claim():
    s = "The defence ministry in Moscow confirmed that the capture of the village had been completed."
    result = read(s, "capture")
    assert result.modality == "claimed"
    assert sources(result) == [("Russia", "belligerent")]


def test_holder_tells_a_claim_from_a_concession():
    s = "Ukraine's General Staff said Russian forces had taken full control of the town."
    assert read(s, "taken", holder="Russia").modality == "asserted"
    assert sources(read(s, "taken", holder="Russia")) == [("Ukraine", "official")]
    retaken = "Ukraine's General Staff said its units had driven Russian troops out of the town."
    assert read(retaken, "driven", holder="Ukraine").modality == "claimed"


# --- asserted, with the kind of source ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word, expected", [
    ("A security source confirmed the loss of the base, telling AFP that troops had fled toward Kabul.",
     "loss", [("security source", "security source")]),
    ("Officials told AFP that the district centre had been abandoned overnight.",
     "abandoned", [("Officials", "official")]),
    ("Provincial officials told AFP that the district centre had been abandoned overnight.",
     "abandoned", [("Provincial officials", "local official")]),
    ("The garrison surrendered on Sunday, said the district governor.", "surrendered",
     [("district governor", "local official")]),
    ("The army pulled back from the bridge, according to local officials.", "pulled back",
     [("local officials", "local official")]),
    ("The militants overran the checkpoint, with a provincial council member saying the road was now cut.",
     "overran", [("provincial council member", "local official")]),
    ("Resident Gul Ahmad told AFP the fighters had reached the main square by dawn.", "reached",
     [("Resident", "resident")]),
    ("Reuters reported that government troops had abandoned the airport.", "abandoned", [("Reuters", "media")]),
    ("The Pentagon said the embassy compound had been cleared of staff.", "cleared",
     [("United States", "official")]),
    ("Separatist fighters shelled the rail station overnight.", "shelled", []),
])
def test_independent_and_plain_reports_are_asserted(sentence, word, expected):
    result = read(sentence, word, focus_country="AF")
    assert result.modality == "asserted"
    assert sources(result) == expected


@pytest.mark.parametrize("sentence, word, expected", [
    ("“The attackers are in every district,” Oleh Petrenko, head of the regional administration, "
     "wrote on Telegram.",
     "attackers", [("head of the regional administration", "local official")]),
    ("The head of the district military administration, Ivan Kovalenko, said the town had been abandoned.",
     "abandoned", [("military administration", "local official")]),
    ("The base fell on Sunday, a senior security official, speaking on condition of anonymity, said.",
     "fell", [("security official", "security source")]),
])
def test_speaker_in_apposition_before_the_verb(sentence, word, expected):
    assert sources(read(sentence, word)) == expected


def test_capitalised_name_holding_a_speech_verb_is_no_speaker():
    s = "The militants took the town as the United States and Britain flew their staff out."
    assert read(s, "took").attribution == []


def test_longest_source_phrase_decides_the_kind():
    s = "Pro-government social media accounts reported that the bridge had been blown up."
    assert sources(read(s, "blown up")) == [("social media accounts", "other")]


def test_concession_is_read_from_a_multiword_trigger():
    s = "On Tuesday, the interior ministry confirmed the fall of Kunduz city."
    result = read(s, "the fall of", focus_country="AF")
    assert result.modality == "asserted"
    assert sources(result) == [("Afghan government", "official")]


def test_only_the_speaker_reporting_the_event_is_its_source():
    s = ("Gunmen killed a district police chief in Kunduz on Friday, officials said, a day after the Taliban "
         "warned they would target commanders.")
    assert sources(read(s, "killed")) == [("officials", "official")]


def test_a_claim_as_a_noun_names_no_speaker():
    s = "The interior ministry said the Taliban's claim was false and that troops still held the city."
    result = read(s, "held", focus_country="AF")
    assert sources(result) == [("Afghan government", "belligerent")]


def test_adjacent_source_words_name_one_source():
    s = "The attackers were pushed back from the gate, a ministry spokesman told reporters."
    assert sources(read(s, "pushed back")) == [("ministry spokesman", "official")]


def test_trailing_text_after_a_colon_is_a_source_only_when_it_names_one():
    assert read("Read more: Timeline of the insurgents' advance since May").attribution == []
    result = read("Rebels may take the port within weeks: EU official", "take")
    assert sources(result) == [("European Union", "official")]


def test_officials_and_residents_together_give_two_sources():
    s = "Earlier Thursday, officials and residents in Kunduz told AFP that government forces had fled."
    assert sources(read(s, "fled")) == [("officials", "official"), ("residents", "resident")]


def test_headline_with_trailing_source_is_attributed():
    s = "Militants could reach the capital within a month: US intelligence"
    result = read(s, "reach")
    assert result.modality == "forecast"
    assert sources(result) == [("United States", "official")]


# --- denied ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("This is not a retreat.", "retreat"),
    ("The ministry denied that the city had fallen to the rebels.", "fallen"),
    ("Kyiv rejected claims that its troops had withdrawn from the plant.", "withdrawn"),
    ("Officials dismissed reports that the governor had fled.", "fled"),
    ("The district is not under the control of the insurgents, the governor said.", "control"),
    ("Government troops failed to retake the hill after two days of fighting.", "retake"),
])
def test_negated_and_denied_events_are_denied(sentence, word):
    assert read(sentence, word).modality == "denied"


def test_denial_in_an_earlier_clause_does_not_reach_a_new_assertion():
    s = "Kyiv rejected this, and said its troops had driven the enemy from the island."
    result = read(s, "driven")
    assert result.modality == "claimed"
    assert sources(result) == [("Ukraine", "belligerent")]


def test_denial_verb_as_the_event_itself_is_not_a_denial():
    s = "The Taliban rejected the ceasefire proposal on Tuesday."
    assert read(s, "rejected").modality == "asserted"


def test_not_only_and_no_longer_are_not_denials():
    assert read("Not only did the rebels take the town, they also seized the dam.", "seized").modality == "asserted"
    assert read("The district is no longer under government control.", "control").modality == "asserted"


def test_quoted_denial_inherits_the_previous_speaker():
    first = ('"We are moving some staff to the airport," a State Department spokesman told reporters.')
    previous = read(first, "moving")
    assert sources(previous) == [("United States", "official")]
    quoted = '"This is not an evacuation."'
    result = read(quoted, "evacuation", previous=previous)
    assert result.modality == "denied"
    assert sources(result) == [("United States", "official")]
    assert result.speaker.name == "United States"


def test_unquoted_sentence_does_not_inherit_unless_told_it_is_quoted():
    previous = Attributed("asserted", [Attribution("United States", "official")])
    s = "This is not a withdrawal."
    assert read(s, "withdrawal", previous=previous).attribution == []
    assert sources(read(s, "withdrawal", previous=previous, quoted=True)) == [("United States", "official")]


def test_sentences_inside_a_running_quotation_inherit_its_speaker():
    said = read("A Pentagon spokesman told reporters at the airport on Friday that the mission was limited.")
    opening = read('"This is not a retreat.', "retreat", previous=said)
    assert opening.quote_open and opening.modality == "denied"
    middle = read("This is not an evacuation.", "evacuation", previous=opening)
    assert middle.quote_open
    assert middle.modality == "denied" and sources(middle) == [("United States", "official")]
    closing = read('Our staff stay where they are."', "stay", previous=middle)
    assert not closing.quote_open and sources(closing) == [("United States", "official")]
    after = read("The convoy left the compound at noon.", "left", previous=closing)
    assert after.attribution == []


def test_a_quoted_phrase_inside_a_sentence_is_no_quotation_of_the_previous_speaker():
    previous = Attributed("asserted", [Attribution("United States", "official")])
    s = 'The governor called the retreat "a betrayal"'
    assert read(s, "retreat", previous=previous).attribution == []


def test_pronoun_speaker_inherits_the_previous_speaker():
    previous = read("The Taliban said they had entered the city.", "entered")
    result = read("He said the fighters had also taken the airport.", "taken", previous=previous)
    assert result.modality == "claimed" and sources(result) == [("Taliban", "belligerent")]


def test_inside_quotation_tracks_open_quotes():
    text = 'He said: "We hold the bridge. Nobody has left." Shelling resumed.'
    assert inside_quotation(text, text.index("Nobody"))
    assert not inside_quotation(text, text.index("Shelling"))


# --- planned, forecast, hypothetical --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The Pentagon said 2,000 marines would be deployed to the airport within 48 hours.", "deployed"),
    ("Britain announced plans to pull out its remaining diplomats.", "pull out"),
    ("The alliance plans to move its staff to Doha.", "move"),
    ("Germany will send two aircraft to evacuate its citizens.", "send"),
    ("The council is set to hold an emergency meeting on Monday.", "meeting"),
    ("The delegation is to meet Taliban envoys in Doha.", "meet"),
])
def test_plans_are_planned(sentence, word):
    assert read(sentence, word).modality == "planned"


@pytest.mark.parametrize("sentence, word", [
    ("The militants could isolate the capital in 30 days, analysts said.", "isolate"),
    ("Officials fear the city may fall within weeks.", "fall"),
    ("The town is expected to change hands before winter.", "change hands"),
    ("Russian troops are likely to encircle the garrison.", "encircle"),
])
def test_forecasts_are_forecast(sentence, word):
    assert read(sentence, word).modality == "forecast"


@pytest.mark.parametrize("sentence, word", [
    ("If the city falls, the road to the capital will be open.", "falls"),
    ("In case of an assault on the airport, staff would shelter in the compound.", "assault"),
    ("The garrison will hold unless the bridge is cut.", "cut"),
])
def test_conditions_are_hypothetical(sentence, word):
    assert read(sentence, word).modality == "hypothetical"


def test_may_the_month_is_not_a_forecast():
    s = "The offensive began in May when foreign troops withdrew from the base."
    assert read(s, "withdrew").modality == "asserted"


def test_modal_in_another_clause_does_not_reach_the_event():
    s = "The rebels took the town on Friday, and officials said reinforcements would arrive later."
    assert read(s, "took").modality == "asserted"


def test_sentence_read_whole_goes_by_its_main_clause():
    s = "The ministry said 500 soldiers would be flown in, stressing that they would not fight."
    assert read(s).modality == "planned"


# --- bad input ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", '"', "“”", ":", "\x00\ufffd", "said", ", said", "According to"])
def test_empty_and_junk_sentences_are_plain_and_unsourced(text):
    result = attribute(text)
    assert result.modality == "asserted" and result.attribution == []


def test_run_on_text_is_read_around_the_event_word():
    filler = "Convoys moved along the ring road and shops stayed shut. " * 4000
    tail = "The rebels captured the dam, a security official said."
    text = filler + tail
    start = text.index("captured")
    result = attribute(text, (start, start + len("captured")))
    assert sources(result) == [("security official", "security source")]


def test_speaker_in_apposition_before_an_auxiliary_and_its_verb_claims():
    sentence = ("Russia's defence ministry spokesman, Igor Konashenkov, has claimed that Russian troops took "
                "full control of Izyum.")
    result = read(sentence, "took full control of")
    assert result.modality == "claimed"
    assert ("Russia", "belligerent") in sources(result)


@pytest.mark.parametrize("sentence, word", [
    ("Ukrainian officials haven’t yet confirmed the liberation of Izium.", "the liberation of"),
    ("The general staff is yet to confirm the recapture of Kupiansk.", "the recapture of"),
    ("Kyiv played down reports that Russian forces had captured the town.", "captured"),
    ("Ukraine's military refuted claims that Russian troops seized the village.", "seized"),
])
def test_unconfirmed_and_played_down_reports_are_denied(sentence, word):
    assert read(sentence, word).modality == "denied"


def test_a_party_rejecting_the_event_after_it_is_no_source_of_it():
    sentence = "Russian forces have captured Bakhmut, which Kyiv denied."
    result = read(sentence, "captured")
    assert result.modality == "denied"
    assert ("Ukraine", "official") not in sources(result) and ("Ukraine", "belligerent") not in sources(result)


@pytest.mark.parametrize("sentence, refutes", [
    ("Kyiv rejected the claim.", True),
    ("Ukraine, however, has denied this claim, and an adviser said fighting went on.", True),
    ("The ministry dismissed the Russian reports as propaganda.", True),
    ("Kyiv denied claims that the town had fallen.", False),  # names its event: a denial of that event
    ("The governor said the claim was false.", False),
])
def test_a_denial_of_the_claim_before_it(sentence, refutes):
    from frontwatch.reading.attribution import refutes_earlier
    assert refutes_earlier(sentence) is refutes


def test_a_source_qualified_by_a_partys_demonym_is_that_party():
    result = read("A senior Ukrainian military official said Russian troops had entered the town.", "entered",
                  holder="Russia")
    assert ("Ukraine", "official") in sources(result)
    plain = read("A local official said troops had entered the town.", "entered")
    assert not {"Russia", "Ukraine"} & {source for source, _ in sources(plain)}


def test_a_speaker_after_but_speaks_of_something_else_and_is_no_source_for_the_claim(registry):
    s = "The Taliban said they had captured Sar-e Pul, but a government spokesman said fighting was continuing."
    result = read(s, "captured", registry=registry)
    assert result.modality == "claimed"
    assert sources(result) == [("Taliban", "belligerent")]


def test_a_contrast_further_back_does_not_cut_off_the_speaker_at_the_end(registry):
    s = "Russian troops captured the town while Ukrainian units were pulling back, officials said."
    assert sources(read(s, "captured", registry=registry)) == [("officials", "official")]


def test_a_people_named_in_the_plural_or_a_capital_after_adverbs_speaks_for_its_state(registry):
    s = "The Russians announced earlier today that they had taken control of the town."
    assert read(s, "taken control", registry=registry).speaker.name == "Russia"
    s = "Kyiv had already announced the recapture of the town."
    assert read(s, "recapture", registry=registry).speaker.name == "Ukraine"


def test_a_speaker_named_in_apposition_before_a_day_and_the_verb_is_the_source(registry):
    s = "The head of the Wagner group, Yevgeny Prigozhin, on Saturday claimed full control of the town."
    result = read(s, "control of", registry=registry)
    assert result.modality == "claimed"
    assert "Wagner Group" in [a.source for a in result.attribution]


def test_a_party_and_a_monitor_speaking_together_are_two_sources_and_the_monitor_vouches():
    s = ("Turkish-backed factions captured the town from Kurdish-led forces on Monday, the Syrian National Army "
         "and a war monitor said.")
    result = read(s, "captured")
    assert sources(result) == [("Syrian National Army", "belligerent"), ("monitor", "other")]
    # one subject, one speaker: a ministry's spokesman is the ministry's own voice, not an independent one
    alone = read("Russian forces captured the village, the Russian defence ministry spokesman said.", "captured")
    assert [kind for _, kind in sources(alone)] == ["belligerent"]


def test_a_sides_partisans_claim_for_that_side():
    from frontwatch.reading.attribution import _sources_in
    registry = ActorRegistry.default()
    for region, side in (("Several Russian channels", "Russia"), ("Pro-Ukrainian Telegram channels", "Ukraine"),
                         ("Russian military bloggers", "Russia")):
        [(source, kind, actor)] = _sources_in(region, "said", registry, "UA", None)
        assert (source, kind) == (side, None) and actor.name == side
    [(source, kind, _)] = _sources_in("A Reuters correspondent", "said", registry, "UA", None)
    assert kind == "media"


def test_a_ministry_owned_by_a_capital_speaks_for_its_government():
    text = "Kyiv's defence ministry said Russian troops had captured Soledar after weeks of fighting."
    said = attribute(text, (text.index("captured"), text.index("captured") + 8), registry=ActorRegistry.default(),
                     focus_country="UA")
    assert [a.source for a in said.attribution] == ["Ukraine"]


def test_a_source_joined_after_the_claimant_confirms_the_claim(registry):
    s = "Malian troops retook the town of Konna on Friday, the army said, and residents confirmed."
    result = read(s, "retook", registry=registry, focus_country="ML")
    assert result.modality == "asserted"
    assert ("residents", "resident") in sources(result)
    # a speaker of another clause is no source of this one
    later = "Malian troops retook Konna on Friday, the army said, a day after residents said they had fled."
    assert read(later, "retook", registry=registry, focus_country="ML").modality == "claimed"
