"""The parser's general capabilities, each on sentences written for these tests (people,
places and most outlets are invented)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from assistant.article import parse_article, quote_spans
from assistant.candidates import canonical_outlet, extract, find_outlets_in
from assistant.candidates.nesting import place_of
from assistant.candidates.subjects import fallback_subject, subject
from assistant.nlp import get_nlp

PAD = (" The port authority published its annual report on shipping volumes last spring, and "
       "the figures were discussed at length by the regional council in a public session.")


def cands(text: str):  # noqa: ANN201 - test helper
    art = parse_article(text + PAD, min_words=1)
    return art, extract(art)


def claim_in(art, c, needle: str):  # noqa: ANN001, ANN201
    return [x for x in c.claims if needle in art.text[x.start:x.end]]


@pytest.mark.parametrize(("name", "canon"), [
    ("Tass news agency", "TASS"),
    ("the state-run Kaveh news agency", "Kaveh"),
    ("the opposition-run website Al-Manara", "Al-Manara"),
    ("Norland's Vesti news agency", "Vesti"),
    ("Iranian state media", "Iranian state media"),
    ("state television", "state media"),
    ("State TV", "state media"),  # opening a sentence (was an outlet named "State TV")
    ("media reports", "unnamed reports"),
    ("Israeli media reports", "unnamed reports"),
    ("Reports in Israeli media", "unnamed reports"),  # was a claim by "Reports in ..."
    ("reports from the local press", "unnamed reports"),
    ("The Harbor Herald", "Harbor Herald"),
    ("RFE/RL's Radio Mashaal", "Radio Mashaal"),
    ("the Defense Intelligence Agency", None),
    ("the Pentagon", None),
    ("the Post", None),  # an anaphor: resolved from the article, not by name
    # a description with no name in it opening a sentence names no outlet (was "The", "local")
    ("The newspaper", None),
    ("This news agency", None),
    ("The local newspaper", None),
    ("the newspaper El Diario", "El Diario"),
    ("the state news agency KNA", "KNA"),  # was "state media", the name left out
    ("the state news agency", "state media"),
])
def test_outlet_names(name: str, canon: str | None) -> None:
    assert canonical_outlet(name) == canon


def test_told_an_outlet_gives_a_claim_and_the_outlets_fact() -> None:
    art, c = cands("Harbor master Lena Voss told the Bay Courier that the northern quay would "
                   "close for repairs in May.")
    claim = claim_in(art, c, "would close")
    assert claim and claim[0].speaker == "Lena Voss"
    assert claim[0].channel == "interview with Bay Courier"
    fact = [f for f in c.facts if f.outlet == "Bay Courier"]
    assert fact and fact[0].underlying == ["Lena Voss"]


def test_statement_to_an_anaphoric_outlet() -> None:
    art, c = cands("The Coastal Post reported on Sunday that the ferry contract had been "
                   "cancelled. In a statement to the Post, mayor Ana Ruiz said the city would "
                   "appeal the decision.")
    assert [f.outlet for f in c.facts].count("Coastal Post") == 2
    assert claim_in(art, c, "would appeal")[0].speaker == "Ana Ruiz"
    assert not any(x.speaker in {"The Coastal Post", "Post"} for x in c.claims)


def test_an_outlet_that_quotes_someone_reports_and_the_source_speaks() -> None:
    art, c = cands("Tass news agency quoted local officials as saying three people were hurt "
                   "in the blast near the station.")
    fact = next(f for f in c.facts if f.outlet == "TASS")
    assert "local officials" in fact.underlying
    assert any(x.speaker == "local officials" for x in c.claims)


def test_reporters_of_an_outlet_make_a_report_not_claims() -> None:
    art, c = cands("A new Harbor Herald report raised questions about the dredging contract. "
                   "Herald reporters Jan Kos and Mira Dal wrote that three officials had "
                   "approved the payments without a tender.")
    assert not any(x.speaker in {"Jan Kos", "Mira Dal"} for x in c.claims)
    assert any(f.outlet == "Harbor Herald" and "Jan Kos" in f.underlying for f in c.facts)


def test_it_said_continues_an_outlets_report() -> None:
    art, c = cands("The Kaveh news agency reported that two warehouses burned on Monday. It "
                   "said five workers were treated for smoke inhalation.")
    assert [f.outlet for f in c.facts] == ["Kaveh", "Kaveh"]
    assert not c.claims


def test_he_said_is_the_speaker_of_the_previous_statement() -> None:
    art, c = cands('Deputy mayor Tomas Berg said the budget was balanced. "We cut nothing that '
                   'matters to families," he said, after a meeting with Council member Ana '
                   'Ruiz. "The schools keep every teacher," he added.')
    quotes = [x for x in c.claims if x.kind == "direct"]
    assert len(quotes) == 2 and {x.speaker for x in quotes} == {"Tomas Berg"}


def test_the_official_is_the_unnamed_official_introduced_before() -> None:
    art, c = cands("A port official said the cranes had been idle since March. The strike "
                   "would end soon, the official said.")
    later = claim_in(art, c, "would end soon")
    assert later and later[0].speaker == "A port official"


def test_a_name_set_off_by_dashes_is_the_speaker_and_keeps_the_later_pronoun() -> None:
    art, c = cands("In an interview at her office, Mary Jane Olsen - Peterson's sister and "
                   "partner on his radio show - says she first met him online. \"He has "
                   "changed a lot since then,\" she says.")
    assert {x.speaker for x in c.claims} == {"Mary Jane Olsen"}, [x.speaker for x in c.claims]


def test_two_nouns_under_one_possessive_are_one_speaker() -> None:
    art, c = cands("His sister and business partner said he was at home that night. The "
                   "mayor and the governor said the bridge would reopen.")
    assert [x.speaker for x in claim_in(art, c, "at home")] == ["His sister"]
    assert {x.speaker for x in claim_in(art, c, "would reopen")} == {"The mayor",
                                                                       "the governor"}
    art, c = cands("Ostrova, the town mayor and current favourite in the county, said the "
                   "vote would go ahead. Ruiz and aides said the plan was dead.")
    assert [x.speaker for x in claim_in(art, c, "vote would")] == ["Ostrova"]
    assert {x.speaker for x in claim_in(art, c, "plan was dead")} == {"Ruiz", "aides"}


def test_a_quote_over_several_sentences_is_one_claim() -> None:
    art, c = cands('"We warned the company twice. Nobody answered. Now the river is brown," '
                   'said Ilse Marne, a fisherman.')
    claims = [x for x in c.claims if x.kind == "direct"]
    assert len(claims) == 1 and claims[0].speaker == "Ilse Marne"
    assert "Nobody answered" in art.text[claims[0].start:claims[0].end]


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker() -> None:
    art, c = cands('Union leader Pia Holm said: "The offer is an insult to every docker.\n\n'
                   '"We will strike on Monday unless the terms change."')
    later = claim_in(art, c, "strike on Monday")
    assert later and later[0].speaker == "Pia Holm" and later[0].kind == "direct"


@pytest.mark.parametrize("frame", ["Ivo Sander asked reporters after the vote.",
                                   "Ivo Sander asked.", "Ivo Sander said."])
def test_a_quoted_question_keeps_the_speaker_of_the_frame_after_it(frame: str) -> None:
    # spaCy ends a sentence at '?"': the frame that follows is glued back, so the question
    # is not taken for a continued quote of the previous speaker
    art, c = cands('Mayor Lina Ostrow said: "The bridge will open in May." '
                   f'"Who will pay for the repairs?" {frame}')
    q = claim_in(art, c, "Who will pay")
    assert q and q[0].speaker == "Ivo Sander" and q[0].resolved_from is None
    assert not any(art.text[x.start:x.end] == frame for x in c.claims)
    assert len([s for s in art.sentences if "Who will pay" in s.text]) == 1


@pytest.mark.parametrize(("open_", "close"), [("''", "''"), ("\u201c", "\u201d"), ('"', '"')])
def test_a_quote_opening_after_a_full_stop_starts_its_own_sentence(open_: str,
                                                                    close: str) -> None:
    # the small parser glues a doubled '' quote to the sentence before it, which then took
    # the quote for its own narration
    art, c = cands(f"The council met for two hours on Monday. {open_}Who will pay for the "
                   f"repairs?{close} Ivo Sander asked, repeating his old complaint.")
    assert [s.text for s in art.sentences][0] == "The council met for two hours on Monday."
    q = claim_in(art, c, "Who will pay")
    assert q and q[0].speaker == "Ivo Sander" and q[0].kind == "direct"


def test_a_doubled_quote_closing_with_a_nested_one_keeps_its_frame() -> None:
    # ''... 'Why?''' - the nested single quote and the doubled '' close together
    (q,) = quote_spans("''She'd ask me, 'Why did he say that?''' Mr. Lind said.")
    assert q.end == len("''She'd ask me, 'Why did he say that?'''")
    art, c = cands("''She'd look at me and ask, 'What did he mean by that?''' Mr. Lind said, "
                   "clutching the lectern with two hands.")
    (claim,) = c.claims
    assert claim.speaker == "Lind" and claim.kind == "direct"
    assert art.text[claim.start:claim.end].startswith("''She'd look")


def test_a_quote_cut_by_its_frame_mid_sentence_is_one_statement() -> None:
    art, c = cands('"The dam will hold," engineer Ilse Marne said on Friday, "and the road '
                   'will reopen next week." "Nobody is in danger," she added.')
    first = claim_in(art, c, "The dam will hold")
    assert len(first) == 1 and first[0].speaker == "Ilse Marne"
    assert "reopen next week" in art.text[first[0].start:first[0].end]
    assert first[0].tail is not None and first[0].kind == "direct"
    # a new sentence-quote after the frame is a statement of its own, not a tail
    later = claim_in(art, c, "Nobody is in danger")
    assert later and later[0] is not first[0] and later[0].tail is None


def test_a_quoted_question_before_unrelated_narration_stays_apart() -> None:
    art, c = cands('Mayor Lina Ostrow said: "The bridge will open in May." '
                   '"Who will pay for the repairs?" The question, Ivo Sander said, was fair.')
    assert not any("Who will pay" in s.text and "question" in s.text for s in art.sentences)


def test_asked_about_makes_the_answer_the_claim_not_the_question() -> None:
    # "Asked about X," : the subject was asked; the statement is what follows
    art, c = cands("Asked about the mayor's calling the plan a scam last week, Governor Mira "
                   "Pell blamed the harbor council for the lost season.")
    pell = [x for x in c.claims if x.speaker.endswith("Pell")]
    assert pell and all("blamed" in art.text[x.start:x.end] for x in pell)


def test_a_gerund_after_a_preposition_is_an_act_not_a_statement() -> None:
    art, c = cands("Mayor Ana Ostrow has not signed any new contracts since announcing her "
                   "candidacy in May.")
    assert not claim_in(art, c, "announcing")
    art, c = cands("Mayor Ana Ostrow surprised the council by saying the port would close.")
    assert claim_in(art, c, "the port would close")
    art, c = cands("Mayor Ana Ostrow resigned on Friday after denying the allegations of fraud.")
    assert claim_in(art, c, "denying the allegations")


def test_a_relative_clause_is_not_part_of_the_speaker_name() -> None:
    art, c = cands("The harbor master, who spoke to reporters at the pier on Monday, said the "
                   "channel would reopen within a week.")
    assert [x.speaker for x in c.claims] == ["The harbor master"]
    # the anonymity clause stays with the unnamed source's cue: one cue, not two
    art, c = cands("A port official, who declined to be named, said the channel was blocked.")
    assert [x.speaker for x in c.claims] == ["A port official"]
    anon = [u for u in c.cues if u.kind == "anonymous_source"]
    assert len(anon) == 1 and anon[0].cue == "A port official, who declined to be named"


def test_single_quotes_in_british_style() -> None:
    spans = quote_spans("'It was an accident,' he said. Iran's officials' plans were not shown.")
    assert len(spans) == 1
    art, c = cands("Minister Ola Brun said the plant was safe. 'There was no leak of any kind "
                   "at the site,' he told reporters on Friday.")
    assert any(x.kind == "direct" and x.speaker == "Ola Brun" for x in c.claims)


def test_an_opening_mark_typed_where_a_quote_ends_closes_it() -> None:
    text = "“It's unusual,“ said Ana Lind, a harbor lawyer. “It is hard to do.”"
    spans = quote_spans(text)
    assert [text[q.inner_start:q.inner_end] for q in spans] == ["It's unusual,",
                                                                  "It is hard to do."]


def test_a_single_mark_in_a_transliterated_name_opens_no_quote() -> None:
    assert not quote_spans("Officials said the guns were set up at the ‘Ayn Dara base, which "
                           "was shelled in May, and at the port.")
    # a quote left open after its frame still runs to the paragraph's end
    (q,) = quote_spans("The mayor said: ‘We will rebuild the bridge before winter.")
    assert q.open_end


@pytest.mark.parametrize("sep", ["\n", " "])
def test_credit_lines_and_bylines_are_not_claims(sep: str) -> None:
    # the credit ends the story, on its own line or after the last sentence
    art = parse_article(PAD.strip() + "\n\nThe council approved the new harbor budget on "
                        "Monday by a vote of seven to two, officials said."
                        f"{sep}(Reporting by Jane Fell; Editing by Tom Rook)", min_words=1)
    c = extract(art)
    assert claim_in(art, c, "officials said")
    assert not any(x.speaker in {"Jane Fell", "Tom Rook"} for x in c.claims)
    assert any(p.kind == "boilerplate" and "Reporting by" in p.text for p in art.paragraphs)


@pytest.mark.parametrize(("closing", "claim"), [
    ("Jane Fell contributed reporting from the harbor.", False),  # was Jane Fell's claim
    ("Jane Fell in Oslo and Tom Rook in Bergen contributed reporting.", False),
    ("The Harbor Herald contributed to this report.", False),
    ("Jane Fell said she contributed reporting from the harbor.", True),  # a statement
])
def test_a_contributors_line_is_a_credit_not_a_claim(closing: str, claim: bool) -> None:
    art = parse_article(PAD.strip() + "\n\nThe council approved the new harbor budget on "
                        f"Monday by a vote of seven to two, officials said.\n\n{closing}",
                        min_words=1)
    c = extract(art)
    assert bool(claim_in(art, c, closing[:20])) is claim
    assert any(p.kind == "boilerplate" for p in art.paragraphs) is not claim


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The company did not immediately respond to a request for comment on the closure.",
     "unverified_claim"),
    ("The mill is believed to be the oldest working mill in the valley.", "hedge"),
    ("An army source said the convoy had been stopped at the border crossing.",
     "anonymous_source"),
    ('The ministry said the report was "not true" and asked for a correction.', "conflict"),
    ("It is unclear who ordered the shipment to be moved before the inspection.",
     "missing_context"),
    ("The port now handles four or five tankers a day, a harbor official estimated.", "hedge"),
    ("The coast guard believes the smugglers changed their route in the spring.", "hedge"),
    ("The court filing indicates growing friction between the two shipping firms.",
     "speculation"),
    ("The letter was sent between two senior Danish officials before the vote.",
     "anonymous_source"),
    ("Until then it was just believed that only the northern quay had a crane.",
     "vague_attribution"),
    ("The navy stopped a trawler that it said was fishing inside the reserve.",
     "unverified_claim"),
    ("Fish prices rose on Friday on concerns the fleet may stay in port.", "speculation"),
    ("The navy said the strike was meant to disrupt an imminent attack on the port.",
     "unverified_claim"),
    ("The ferry company could not immediately verify the photos.", "unverified_claim"),
    ("A port spokesman wouldn’t say when the piers would reopen.", "missing_context"),
    ("The company declined to say how many jobs would go.", "missing_context"),
    # what the authorities have not made known
    ("Harbor officials gave no timeline for the repairs to the pier.", "missing_context"),
    ("Police have not released the name of the ferry captain.", "missing_context"),
    ("It is not known how many people were on board the ferry.", "missing_context"),
    # nobody answered: what the article relays stands unchecked
    ("The ferry company could not independently verify the footage.", "unverified_claim"),
    ("Officials at the harbor were unavailable for comment.", "unverified_claim"),
    ("The ferry captain could not be reached on Monday.", "unverified_claim"),
    ("A spokesman for the dockworkers did not return calls seeking comment.", "unverified_claim"),
    ("The ferry company did not immediately comment.", "unverified_claim"),
    ("The harbor office didn't respond to questions about the delays.", "unverified_claim"),
    ("The ferry company did not comment on the newspaper report.", "unconfirmed_report"),
    # an accusation not yet proven, and what the text calls someone without establishing it
    ("Prosecutors allege that the ferry captain sold fuel on the side.", "unverified_claim"),
    ("The lawsuit alleges the ferry company hid the losses.", "unverified_claim"),
    ("The alleged smuggler was arrested at the pier on Monday.", "hedge"),
    ("The harbor office was unable to independently verify the photos.", "unverified_claim"),
    ("The suspected smuggler was arrested at the pier on Monday.", "hedge"),
    ("Police have yet to identify the ferry captain.", "missing_context"),
    ("The cause of the pier collapse is under investigation.", "missing_context"),
    # the same silences said another way
    ("Neither the harbor office nor the ferry company responded to requests for comment.",
     "unverified_claim"),
    ("Messages left with the ferry company were not returned.", "unverified_claim"),
    ("The cause of the pier collapse was not immediately known.", "missing_context"),
    # what nobody has made known or could establish, and doubt said of the claim itself
    ("Details of the harbor agreement have not been made public.", "missing_context"),
    ("The number of ferry passengers could not be determined.", "missing_context"),
    ("Whether the harbor truce will hold remains to be seen.", "missing_context"),
    ("The ferry company's figures are impossible to verify.", "unconfirmed_report"),
    ("There was no independent confirmation of the pier fire.", "unconfirmed_report"),
    ("The claims about the ferry have not been substantiated.", "unconfirmed_report"),
    ("The harbor office did not immediately return a request for comment.",
     "unverified_claim"),
    ("The port's account could not be reconciled with the ferry logs.", "conflict"),
    ("Neither claim about the ferry could be independently verified.", "unconfirmed_report"),
    ("The harbor board did not release the full text of its offer.", "missing_context"),
])
def test_cue_kinds(sentence: str, kind: str) -> None:
    art, c = cands(sentence)
    assert any(u.kind == kind for u in c.cues), [(u.kind, u.cue) for u in c.cues]


@pytest.mark.parametrize("sentence", [
    "The mayor believes in open budgets and publishes every contract online.",
    "Two rockets fell near the port, according to the sources quoted above.",
    "The fund estimates are published by the statistics office every quarter.",
    "The ferry company has not given up on the northern route.",
    "The ferry captain was not known for his patience.",
])
def test_no_assessment_cue_without_an_assessment(sentence: str) -> None:
    art, c = cands(sentence)
    assert not any(u.kind in {"hedge", "anonymous_source", "missing_context"} for u in c.cues), \
        [(u.kind, u.cue) for u in c.cues]


def test_a_negated_dispute_is_no_conflict() -> None:
    art, c = cands("The administration did not dispute the Herald's reporting on the contract.")
    assert not any(u.kind == "conflict" for u in c.cues)


def test_called_off_is_not_a_statement() -> None:
    art, c = cands("President Ana Lind called off the ceremony at the last moment on Friday.")
    assert not c.claims


@pytest.mark.parametrize("sentence", [
    "That said, the mayor cannot win the vote outright at this point.",
    "Having said that, the council will meet again in June to vote on the plan.",
    "Though the visitors speak barely a word of the language, their faces said a lot.",
    "Mayor Lind herself has said very little about the closure of the northern quay.",
    "The treaty saw Norland agree to limit its fishing fleet in exchange for lower tariffs.",
    "Mayor Lind made her announcement on Friday at the start of a ceremony at the harbor.",
])
def test_connectives_and_idioms_of_say_are_no_statements(sentence: str) -> None:
    art, c = cands(sentence)
    assert not claim_in(art, c, sentence[:20]), [x.speaker for x in c.claims]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('A port official responded by saying the council should be careful "not to stir up '
     'problems" on the quay.', "A port official"),
    ("The minister resigned after saying the budget had been mismanaged for years.",
     "The minister"),
    ('"Very good reporter, very good reporter this guy," Ostrova, the town mayor and current '
     "favourite in the county by a wide margin after winning the primary, said when Berg "
     "asked her a question.", "Ostrova"),
])
def test_speakers_through_prepositions_and_long_appositions(sentence: str, speaker: str) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in claim_in(art, c, sentence[5:40])] == [speaker]


def test_a_name_the_parse_hangs_on_a_relative_clause_still_speaks() -> None:
    # "X, meanwhile, who ..., said": the small parser makes X the subject of "sits"
    art, c = cands("Clara Weiss has 31 endorsements in the state senate, where her rival Tom "
                   "Okafor serves. Okafor, meanwhile, who sits at zero such endorsements, said "
                   "that fact speaks volumes about the two candidates.")
    assert [x.speaker for x in claim_in(art, c, "that fact speaks volumes")] == ["Tom Okafor"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("But ''the more interesting issue,'' Mr. Berg added, ''is whether the October report "
     "was a one-time blip.''", "Berg"),  # the doubled marks of some archives
    ("One employee at a shipping firm declined to speak on the record, saying it would be a "
     "bad career move to be linked to the mayor.", "One employee at a shipping firm"),
    ("Tomas Berg leads the council. He's said he gets his ideas about taxes from an old "
     "novel.", "Tomas Berg"),
])
def test_quoted_objects_participles_after_refusals_and_has_said(sentence: str,
                                                                 speaker: str) -> None:
    art, c = cands(sentence)
    found = claim_in(art, c, "issue") + claim_in(art, c, "career move") + \
        claim_in(art, c, "his ideas")
    assert [x.speaker for x in found] == [speaker]


def test_added_with_a_plain_object_and_declined_to_say_stay_out() -> None:
    art, c = cands("The bakery added a new oven last spring. Tomas Berg can add a new title "
                   'to his resume: "song writer." The mayor declined to say '
                   "whether the bridge would reopen. It's said that the mill was built in 1820.")
    assert not claim_in(art, c, "oven") and not claim_in(art, c, "bridge") and \
        not claim_in(art, c, "mill") and not claim_in(art, c, "new title")


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # "the statement said": whoever provided one
    ("The mayor did not respond. The Herald said Tomas Cook provided a written statement in "
     "response to the newspaper's questions about the emails. \"After reviewing his email "
     "practices, the secretary believes it was a mistake,\" the statement said in part.",
     "a mistake", "Tomas Cook"),
    # a quote read as a second subject leaves the speaker after "said"
    ('"Thanks, Velmar, for welcoming these families," said master of ceremonies Karim '
     "Al-Haddad, an engineer who moved to Velmar decades ago.", "welcoming", "Karim Al-Haddad"),
    # who issued a statement saying something says it
    ("Mayor Ines Duarte issued a statement saying that the bridge would reopen in June after "
     "the last inspection.", "the bridge would reopen", "Ines Duarte"),
    # "it" in a relative clause is the body named as the sentence's subject
    ("Harbor spokesman Olav Brekke denied the reports on Friday.\n\nNorway's navy later towed "
     "away a fishing boat that it said had entered the closed zone.", "that it said",
     "Norway's navy"),
    # a statement noun with an owner: the owner speaks (was "The ministry's statement", and
    # nobody for "the ministry statement" or "The army issued a statement. The statement ...")
    ("The ministry's statement said the border would reopen on Monday.", "border", "The ministry"),
    ("A statement from the ministry said the border would reopen on Monday.", "border",
     "the ministry"),
    ("The Harbor Ministry said the ferry ran aground. Later the ministry statement said the "
     "border would reopen on Monday.", "border", "Harbor Ministry"),
    ("The army issued a statement on Monday. The statement said the port would stay open.",
     "port", "The army"),
])
def test_the_speaker_of_a_statement(text: str, needle: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in claim_in(art, c, needle)] == [speaker]


@pytest.mark.parametrize("gap", ["\n\n", " "])
def test_an_outlet_frame_with_a_colon_reports_the_quote_that_follows(gap: str) -> None:
    text = ("Workers gathered outside the river mill on Tuesday while the owners met the union "
            "leaders.\n\nThe owners said the mill would stop work in May. The Guardian reports:"
            f'{gap}"The mill will close in May and two hundred jobs will go with it."')
    art, c = cands(text)
    (fact,) = [f for f in c.facts if f.outlet == "The Guardian"]
    reported = art.text[fact.start:fact.end]
    # the quote is the report, wherever the segmenter ends the frame's sentence
    assert '"The mill will close in May' in reported and reported.endswith('with it."')
    assert not fact.frame_only


def test_an_outlet_frame_with_a_colon_and_no_quote_stays_its_own_fact() -> None:
    text = ("Workers gathered outside the river mill on Tuesday while the owners met the union "
            "leaders.\n\nThe Guardian reports: the mill on the river will stop work in May. The "
            "owners have not said how many jobs will go.")
    art, c = cands(text)
    (fact,) = [f for f in c.facts if f.outlet == "The Guardian"]
    assert art.text[fact.start:fact.end].startswith("The Guardian reports:")


def test_reports_in_an_aside_are_a_fact_and_the_main_source_keeps_its_claim() -> None:
    text = ("Ferry crews will strike on Monday, a union official said.\n\nAccording to the "
            "official, the union has received no new offer, despite local media reports "
            "suggesting that the company had doubled its pay offer.")
    art, c = cands(text)
    (fact,) = [f for f in c.facts if f.outlet == "unnamed reports"]
    assert "media reports suggesting" in art.text[fact.start:fact.end]
    assert not fact.underlying  # the official is not the reports' source
    assert claim_in(art, c, "According to the official")
    assert not any("suggesting" in x.speaker for x in c.claims)


def test_a_broadcaster_named_media_word_first_is_an_outlet_and_a_statement_to_it_a_channel() -> None:
    art, c = cands("The district office said in a statement to RFE/RL's Radio Azadi that two "
                   "bridges had been washed away overnight.")
    assert [f.outlet for f in c.facts] == ["Radio Azadi"]
    (claim,) = claim_in(art, c, "two bridges")
    assert claim.speaker == "The district office" and claim.channel == "statement to Radio Azadi"


def test_a_venue_named_like_a_broadcaster_is_no_outlet() -> None:
    assert find_outlets_in("The choir sang at Radio City Music Hall on Friday night.") == []


def test_a_speaker_interviewed_by_an_outlet_goes_on_speaking_there() -> None:
    art, c = cands("A port official told Reuters that the strike would end on Friday.\n\n"
                   "The union had accepted the new offer, the official said.\n\n"
                   "In a tweet, the official later wrote that the crews had been heroes. The "
                   "official said the crews would be paid for the lost days.")
    channels = [x.channel for x in c.claims if x.speaker == "A port official"]
    assert channels[:2] == ["interview with Reuters", "interview with Reuters"], channels
    assert "tweet" in channels and channels[-1] == "interview with Reuters"


def test_an_unnamed_speaker_named_again_with_the_goes_on_speaking_there() -> None:
    # "U.S." makes the phrase a name to the parser; "the" still refers back to the description
    art, c = cands("The strike could end on Friday, according to a U.S. official who spoke to "
                   "Reuters on condition of anonymity.\n\n"
                   "About forty ships wait outside the harbor, the U.S. official estimated.")
    (later,) = claim_in(art, c, "forty ships")
    assert later.channel == "interview with Reuters", later.channel
    assert later.speaker == "a U.S. official"  # the same speaker, not a second one


@pytest.mark.parametrize(("sentence", "claims"), [
    # an outlet's analyst gives a view of their own: a claim and the outlet's fact
    ("The harbor rules also cover ships that never dock, according to Harbor Herald legal "
     "analyst Judge Mira Solvik.", ["Mira Solvik"]),
    # its reporter reports: the outlet's fact only
    ("According to Harbor Herald reporter Mira Solvik, the sale closed on Friday.", []),
])
def test_according_to_an_outlets_analyst_is_a_claim_and_to_its_reporter_a_fact(
        sentence: str, claims: list[str]) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in c.claims if x.sentence.id == "S1"] == claims
    (fact,) = [f for f in c.facts if f.sentence.id == "S1"]
    assert fact.outlet == "Harbor Herald" and fact.underlying == ["Mira Solvik"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("In the port town, some are quietly saying it is time to accept the new owners.", "some"),
    ("Many of the dock workers said the strike would end soon.", "Many of the dock workers"),
])
def test_some_and_many_standing_alone_are_vague_speakers(sentence: str, speaker: str) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in c.claims if x.sentence.id == "S1"] == [speaker]
    assert ("vague_attribution", speaker) in [(x.kind, x.cue) for x in c.cues]


@pytest.mark.parametrize(("source", "speaker", "channel"), [
    ("a statement by the port authority", "the port authority", "statement"),
    ("a letter from Mayor Ana Lind", "Ana Lind", "letter"),
    ("a declaration filed in federal court by Tomas Verhey, director of the port authority",
     "Tomas Verhey", "declaration"),
    ("court documents filed by the port authority", "the port authority", "court documents"),
])
def test_according_to_a_document_the_author_speaks_through_it(source: str, speaker: str,
                                                              channel: str) -> None:
    art, c = cands(f"The piers were repaired last year, according to {source}.")
    assert [(x.speaker, x.channel) for x in c.claims if x.sentence.id == "S1"] == [
        (speaker, channel)]


def test_a_second_statement_in_one_sentence_keeps_the_channel_of_the_first() -> None:
    art, c = cands("A port official, who declined to be named, confirmed that account to Reuters "
                   "but said there were serious doubts about whether the crews would be paid.")
    assert len(c.claims) == 2  # two statements
    (paid,) = claim_in(art, c, "would be paid")
    assert paid.channel == "interview with Reuters"


def test_who_speaks_according_to_an_outlet_is_the_outlets_source() -> None:
    art, c = cands('Mayor Ana Lind spoke at the harbor on Friday. "The port stays open," she '
                   "said, according to state media.")
    (fact,) = c.facts
    assert fact.outlet == "state media" and fact.underlying == ["Ana Lind"]


def test_an_object_pronoun_read_as_a_subject_is_no_speaker() -> None:
    # the small parser reads "him a traitor" as the subject of "said"
    art, c = cands("The army considered him a traitor and Interior Minister Lars Holm said Karimi "
                   "was killed because he was planning attacks.")
    assert {x.speaker for x in c.claims} == {"Lars Holm"}, [x.speaker for x in c.claims]


def test_an_outlets_scare_quoted_sources_are_its_report_and_an_anonymous_source() -> None:
    art, c = cands("The harbor website Kai Online reported on Monday that the ferry company was "
                   "up for sale. Kai Online’s “well-placed sources” said that two buyers had "
                   "already visited the yard.")
    (fact,) = [f for f in c.facts if "two buyers" in art.text[f.start:f.end]]
    assert fact.outlet == "Kai Online" and fact.underlying == ["well-placed sources"]
    assert any(u.kind == "anonymous_source" and u.cue == "well-placed sources" for u in c.cues)
    # the sources speak too, as if they had told it to the outlet (their quote marks are no
    # quote of what they said)
    assert [(x.speaker, x.kind, x.channel) for x in c.claims] == [
        ("well-placed sources", "indirect", "Kai Online report")]


@pytest.mark.parametrize(("name", "canon"), [
    ("Conservative radio", None),  # "Conservative radio host X said" opening a sentence
    ("the Independent newspaper", "Independent"),
    ("the conservative website Breitbart", "Breitbart"),
])
def test_a_leaning_that_opens_a_sentence_names_no_outlet(name: str, canon: str | None) -> None:
    assert canonical_outlet(name) == canon


def test_a_host_described_by_a_leaning_is_no_outlets_reporter() -> None:
    art, c = cands("Conservative radio host Dale Ruiz asked the mayor about the harbor plan, "
                   "and the mayor said the plan would not change.")
    assert not c.facts, [(f.outlet, f.underlying) for f in c.facts]


def test_a_statement_cut_before_a_second_one_ends_without_its_joiner() -> None:
    art, c = cands("Omar Talib, a ministry spokesman, confirmed the deaths of the six sailors and "
                   "said the cause was under investigation.")
    assert len(c.claims) == 2
    first = art.text[c.claims[0].start:c.claims[0].end]
    assert first.endswith("the six sailors"), first


def test_saying_little_is_no_statement_even_before_a_quote_of_a_later_clause() -> None:
    # the small parser hangs the later quote's closing mark on "said"
    art, c = cands('Mayor Lind herself has said very little about the closure, only posting on '
                   'Friday that "the port never sleeps!"')
    assert [x.speaker for x in c.claims] == ["Lind"]
    assert "never sleeps" in art.text[c.claims[0].start:c.claims[0].end]


def test_a_name_the_parse_lists_among_a_relative_clauses_objects_still_speaks() -> None:
    # the small parser's reading of some such sentences, built by hand: "raid" the subject of
    # "issued", the governor one more thing the raid "hit"
    words = ["After", "the", "raid", ",", "which", "hit", "the", "port", "and", "depot", ",",
             "Governor", "Ana", "Lind", "issued", "a", "warning", "."]
    heads = [14, 2, 14, 2, 5, 2, 7, 5, 7, 7, 13, 13, 13, 9, 14, 16, 14, 14]
    deps = ["prep", "det", "nsubj", "punct", "nsubj", "relcl", "det", "dobj", "cc", "conj",
            "punct", "compound", "compound", "conj", "ROOT", "det", "dobj", "punct"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "CCONJ", "NOUN",
           "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    got = subject(doc[14])
    assert got is not None and got.text == "Lind"


def test_it_is_the_main_subject_before_it_even_when_no_entity_type_is_known() -> None:
    # the small pipeline tags no entity in "Ubria did not ..."; the previous speaker is the
    # coast guard, but "It" is Ubria
    art, c = cands("Harbor guards stopped a smuggling boat near the town of Kessel on Sunday, "
                   "the Norland Coast Guard said.\n\nUbria did not immediately respond to a "
                   "request for comment. It has previously denied Norland claims that its boats "
                   "entered the bay.")
    (denied,) = claim_in(art, c, "previously denied")
    assert denied.speaker == "Ubria"


def test_a_statement_joined_to_an_act_in_an_outlets_report_is_the_actors() -> None:
    art, c = cands("Before the vote, the northern militias prepared mass rallies against the "
                   "council and warned of possible attacks on its offices, the Harbor Herald "
                   "reported.")
    assert [x.speaker for x in claim_in(art, c, "warned of possible attacks")] == [
        "the northern militias"]
    assert [f.outlet for f in c.facts] == ["Harbor Herald"]


@pytest.mark.parametrize("sentence", [
    'Governor Ana Lind issued a warning to the rebels that any attack "will be met with force."',
    "The ministry issued a statement saying the port would reopen on Monday.",
    "Mayor Lind gave an assurance that no family would lose its home.",
])
def test_a_statement_in_a_noun_is_a_claim(sentence: str) -> None:
    art, c = cands(sentence)
    assert claim_in(art, c, sentence[:25]), sentence


def test_denying_the_reports_then_a_quote_is_one_statement() -> None:
    art, c = cands("Port spokesman Ivo Berg also denied the reports on Friday, saying: \"No ship "
                   "has left the harbor since the storm.\"")
    assert [(x.speaker, x.kind) for x in c.claims] == [("Ivo Berg", "direct")]


def test_a_name_in_an_aside_between_dashes_does_not_speak() -> None:
    art, c = cands("On his way out of the race, Mr. Berg - in a line that seemed squarely directed "
                   "at Mr. Lind's divisive brand of politics - declared that a mayor must serve "
                   "every corner of the town.")
    assert [(x.speaker, x.role) for x in c.claims] == [("Berg", None)]  # "Mr." is no role


def test_a_speaker_quoted_as_saying_by_an_outlet_gives_one_claim_and_the_outlets_fact() -> None:
    art, c = cands('"The harbor will reopen in May," port director Ana Lind was quoted as saying '
                   "by the Harbor Herald.")
    (claim,) = c.claims  # the passive frame says nothing of its own
    assert claim.speaker == "Ana Lind" and claim.channel == "quoted by Harbor Herald"
    assert [(f.outlet, f.underlying) for f in c.facts] == [("Harbor Herald", ["Ana Lind"])]


@pytest.mark.parametrize("sentence", [
    "Tass news agency quoted local officials as saying that three people were hurt in the blast.",
    'The Harbor Herald quotes a dock worker as saying there is an "exodus" from the city.',
])
def test_an_outlet_that_quotes_a_speaker_is_the_channel_of_the_speakers_claim(sentence: str) -> None:
    art, c = cands(sentence)
    (claim,) = c.claims
    (fact,) = c.facts
    assert claim.channel == f"quoted by {fact.outlet}" and fact.underlying == [claim.speaker]


@pytest.mark.parametrize(("sentence", "channel"), [
    ("Mayor Ana Lind wrote in a social media post that the bridge would stay closed.",
     "social media post"),
    ('Responding to a query by the Harbor Herald, a port official said the report was "not '
     'true."', "response to a query by Harbor Herald"),
    ('"We will rebuild the market," the cleric said while leading Friday prayers in Norvik.',
     "Friday prayers sermon"),
    ("In his sermon, the bishop said that the flood had brought the town together.", "sermon"),
    ('"The vote is a first step," the harbor union said in an emailed statement.', "statement"),
    # "told reporters" with the statement right after it, no "that"
    ("Police Chief Anton Brask told reporters he had ordered a review of the harbor rules.",
     "interview with reporters"),
    ("Harbor Line said in a regulatory filing on Monday that it would close two depots.",
     "filing"),
    ('"We have to live within our means," chief executive Nora Vik told analysts on an '
     "earnings call.", "earnings call"),
    ('Analysts at Nordbank wrote in a note to clients that the cuts were "overdue."',
     "research note"),
    # written for the outlet, not told to it
    ('In an op-ed for the Harbor Herald, Mayor Ana Lind wrote that the pier "must not close."',
     "op-ed in Harbor Herald"),
])
def test_channels_beyond_interviews_and_statements(sentence: str, channel: str) -> None:
    art, c = cands(sentence)
    assert [x.channel for x in c.claims] == [channel]


def test_social_media_named_in_what_was_said_is_no_channel() -> None:
    art, c = cands("The mayor said rumours spread on social media about the bridge were false.")
    assert [x.channel for x in c.claims] == [None]


def test_an_outlets_reporters_are_its_source_only_when_they_cite_nobody() -> None:
    art, c = cands("Harbor Herald reporters Ana Lind and Tom Berg wrote that three people "
                   "“familiar with the negotiations” confirmed the story.")
    (claim,) = c.claims
    (fact,) = c.facts
    assert fact.outlet == "Harbor Herald" and fact.underlying == [claim.speaker]
    assert claim.speaker == "three people familiar with the negotiations"
    # the cue still finds the name in the text, quote marks and all
    assert any(u.kind == "anonymous_source" and u.cue.startswith("three people “familiar")
               for u in c.cues), c.cues
    art, c = cands("The Harbor Herald's port correspondent Ana Lind wrote that the closure "
                   "would last for weeks.")
    assert [f.underlying for f in c.facts] == [["The Harbor Herald's port correspondent Ana Lind"]]


def test_an_outlets_quoted_report_carries_its_own_sourcing_cues() -> None:
    art, c = cands('The Harbor Herald reports: "Little is known about the ring, which customs '
                   'officials describe as a smuggling network. Its members are said to be former '
                   'dock workers."')
    kinds = {(u.kind, u.cue) for u in c.cues}
    assert ("missing_context", "Little is known") in kinds, kinds
    assert ("vague_attribution", "are said to") in kinds, kinds
    # a speaker's quote mentioning how others source things is no sourcing of the article's
    art, c = cands('Mayor Ana Lind said: "Little is known about the ring. Its members are said '
                   'to be former dock workers."')
    assert not any(u.kind in {"missing_context", "vague_attribution"} for u in c.cues)


@pytest.mark.parametrize(("sentence", "start"), [
    ('The mayor bristled at the suggestion that she had misled the council, saying, "the advice '
     'I give to the council is my own."', "saying,"),
    ("The minister cancelled the trip at the last moment, saying later that the sea was too "
     "rough for the ferry.", "saying later"),
])
def test_an_act_with_a_saying_participle_makes_only_the_saying_a_statement(sentence: str,
                                                                           start: str) -> None:
    art, c = cands(sentence)
    (claim,) = c.claims
    assert art.text[claim.start:claim.end].startswith(start)


@pytest.mark.parametrize(("sentence", "kind"), [
    ('The harbor council said "the bridge will reopen in May."', "direct"),
    ('Mayor Ana Lind wrote in a social media post that "every family will be reached before '
     'nightfall."', "direct"),
    ('Mayor Ana Lind told reporters at the end of the council session that "the bridge will '
     'reopen in May."', "direct"),
    ('The mayor said the storm had "destroyed everything" in the valley.', "mixed"),
    ('Mayor Ana Lind wrote that the army had sent boats and that "every family will be reached '
     'before nightfall."', "mixed"),
])
def test_a_statement_whose_whole_clause_is_quoted_is_direct(sentence: str, kind: str) -> None:
    art, c = cands(sentence)
    (claim,) = c.claims
    assert claim.kind == kind


def test_a_conflict_with_reports_leaves_the_reports_their_own_cue() -> None:
    art, c = cands("The port stayed open on Monday, despite local media reports suggesting that "
                   "the ferries had stopped.")
    kinds = {(u.kind, u.cue) for u in c.cues}
    assert ("conflict", "despite") in kinds and any(k == "vague_attribution" for k, _ in kinds), \
        kinds


@pytest.mark.parametrize("sentence", [
    "Councillor Ana Berg said that for years some critics had been predicting a collapse of the "
    "pension fund, but this would not happen.",
    "The mayor's campaign says residents agree the tax plan does not add up.",
    "Engineers warned the old bridge was unsafe, the mayor said on Monday.",
])
def test_what_a_statement_reports_others_saying_is_part_of_that_statement(sentence: str) -> None:
    art, c = cands(sentence)
    (claim,) = c.claims  # not a second claim for the critics or residents it tells of
    assert art.text[claim.start:claim.end].rstrip(".") == sentence.rstrip(".")


@pytest.mark.parametrize(("sentence", "speakers"), [
    # a clause beside the statement, not inside it: its own speaker
    ("The mayor said the plan was dead after critics argued it was too costly.",
     ["The mayor", "critics"]),
    # "what X has stated" is X's statement, echoed
    ("The spokeswoman reiterated what Governor Ivo Lind has stated all week - that the dam is "
     "safe.", ["Ivo Lind", "The spokeswoman"]),
    # ... and the echo is the echoing speaker's statement too, beside her other one
    ("The spokeswoman criticized the story and repeated what Ivo Lind has said for days - that "
     "the dam is safe.", ["Ivo Lind", "The spokeswoman", "The spokeswoman"]),
])
def test_a_speaker_beside_or_echoed_by_a_statement_keeps_a_claim(sentence: str,
                                                                 speakers: list[str]) -> None:
    art, c = cands(sentence)
    assert sorted(x.speaker for x in c.claims) == sorted(speakers)
    echo = [x for x in c.claims if "repeated" in art.text[x.start:x.end]]
    assert all(art.text[x.end - 5:x.end] == "safe." for x in echo)


@pytest.mark.parametrize(("third", "speaker"), [
    ('In his first videos, Peter Santos wears a suit in clips he calls "Consumer Watch," pointing '
     'to soda bottles and telling viewers that sugar is "ruining the country."', "Peter Santos"),
    ("Senator Paul Lind, too, stopped giving paid speeches months before he announced that he "
     "would run.", "Paul Lind"),
])
def test_a_pronoun_in_a_clause_of_a_sentence_is_that_sentences_main_subject(third: str,
                                                                            speaker: str) -> None:
    art, c = cands('Deborah Reynolds, his former co-host, says the show changed him. "He was a '
                   f'different man then," Reynolds said. {third}')
    start = art.text.index(third)  # not the previous statement's speaker
    assert {x.speaker for x in c.claims if x.start >= start} == {speaker}


@pytest.mark.parametrize(("sentence", "fact"), [
    # the outlet heard one of the two statements
    ('Mayor Peter Santos on Monday told donors he was "seriously weighing" a bid for the state '
     'Senate next year, only to say hours later in an interview with CNN that he had "no plans to '
     'leave this office."', 'only to say hours later in an interview with CNN that he had "no '
     'plans to leave this office."'),
    # ... both of them
    ("A port official confirmed the account to Reuters but said there were doubts about the "
     "figures.", None),
    ("In a statement to Reuters, port director Ivo Berg denied the report and repeated that the "
     "harbor will reopen in May.", None),
])
def test_an_outlets_fact_is_the_statements_made_to_it(sentence: str, fact: str | None) -> None:
    art, c = cands(sentence)
    (f,) = c.facts
    assert art.text[f.start:f.end] == (fact or sentence)


@pytest.mark.parametrize("where", ["published by the Harbor Herald", "carried by state media"])
def test_where_a_quoted_statement_appeared_is_not_a_second_statement(where: str) -> None:
    art, c = cands('Governor Ivo Lind issued a statement on Friday. "The harbor will reopen in May '
                   f'and the ferries will run again," the statement said, {where}.')
    assert [(x.speaker, x.kind) for x in c.claims] == [("Ivo Lind", "direct")]
    (f,) = c.facts
    assert f.underlying == ["Ivo Lind"]


def test_what_a_speaker_seemed_to_say_is_the_writers_reading_not_a_statement() -> None:
    art, c = cands("Port director Ivo Berg appeared to threaten the striking dockers. \"Whoever is "
                   "not back on Monday will not come back at all,\" he said.")
    assert [(x.speaker, x.kind) for x in c.claims] == [("Ivo Berg", "direct")]


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("Visitors can expect the new ferry to be faster than the old one.", []),
    ("The council needs a chair who can argue, plainly and personally, for the harbor.", []),
    ('The timing was so odd that a spokesman for the mayor could only quip: "I guess Sunday was '
     'booked."', ["a spokesman for the mayor"]),
])
def test_what_someone_can_or_might_say_is_no_statement(sentence: str,
                                                       speakers: list[str]) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in c.claims] == speakers


def test_a_quote_goes_to_the_speaker_whose_verb_introduces_it() -> None:
    art, c = cands('After Ana Lind said that the old ferry was safe for the winter, Ivo Berg said: '
                   '"I do not like what she said, no, I do not like it at all."')
    assert sorted((x.speaker, x.kind) for x in c.claims) == [("Ana Lind", "indirect"),
                                                            ("Ivo Berg", "direct")]


def test_calling_something_a_quoted_name_is_a_statement() -> None:
    # the small parser hangs the quoted name on the object, not as "called X Y"
    art, c = cands('The harbor master called the dredging plan "a disaster waiting to happen."')
    assert [(x.speaker, x.kind) for x in c.claims] == [("The harbor master", "mixed")]


def test_a_participle_set_off_by_commas_is_no_part_of_the_speaker() -> None:
    art, c = cands("Several dockers, speaking on condition of anonymity, said the night shift "
                   "had been cancelled.")
    assert [x.speaker for x in c.claims] == ["Several dockers"]


def test_a_show_after_an_outlets_possessive_is_the_outlets() -> None:
    art, c = cands("The senator, speaking on CBS's Face the Nation, said the harbor bill would "
                   "pass before the summer.")
    assert [(x.speaker, x.channel) for x in c.claims] == [("The senator", "interview with CBS News")]
    assert [(f.outlet, f.underlying) for f in c.facts] == [("CBS News", ["The senator"])]


def test_a_speaker_after_an_inverted_verb_the_parser_calls_its_object() -> None:
    art, c = cands('"The harbor must stay open to every fishing boat," tweeted the mayor, Jan Kos.')
    assert [(x.speaker, x.kind, x.channel) for x in c.claims] == [("Jan Kos", "direct", "tweet")]


@pytest.mark.parametrize(("sentence", "channel"), [
    ("The ferry operator said in a Facebook post that all crossings were cancelled.",
     "social media post"),
    ('"We were never consulted," the fishermen\'s association said in an open letter.', "letter"),
    ("A company spokesman, Tomas Berg, said in an email that no ships would be sold.", "email"),
    ("In an interview, harbor master Ivo Lind said the pier was unsafe.", "interview"),
    ("Harbor master Ivo Lind said on X, formerly Twitter, that the pier was unsafe.",
     "post on X"),
    ("In a post on his Telegram channel, Ivo Lind said the pier was unsafe.",
     "social media post"),
    ("At a morning harbor board briefing, Ivo Lind said the pier was unsafe.", "briefing"),
    ("Ivo Lind has said little, only tweeting on Friday that the pier was unsafe.", "tweet"),
])
def test_the_channel_of_a_post_a_letter_or_an_email(sentence: str, channel: str) -> None:
    art, c = cands(sentence)
    assert [x.channel for x in c.claims] == [channel]


@pytest.mark.parametrize(("sentence", "speakers", "outlets"), [
    ("Per a statement from the club, the coach will leave at the end of the season.",
     ["the club"], []),
    ("Per Axios, the harbor deal collapsed on Friday.", [], ["Axios"]),
    ("Harbor fees rose to $5 per ton on Friday, the port authority said.",
     ["the port authority"], []),
])
def test_per_names_a_source_like_according_to(sentence: str, speakers: list[str],
                                              outlets: list[str]) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in c.claims] == speakers
    assert [f.outlet for f in c.facts] == outlets


def test_a_short_quote_that_is_a_whole_sentence_is_a_statement() -> None:
    art, c = cands('Harbor master Eva Lund said the budget would be balanced.\n\n"We have made hard '
                   'choices," she said. "Nobody likes cuts."\n\nThe council meets on Friday.')
    assert [(x.speaker, x.kind, art.text[x.start:x.end]) for x in c.claims][1:] == [
        ("Eva Lund", "direct", '"We have made hard choices,"'),
        ("Eva Lund", "direct", '"Nobody likes cuts."')]


@pytest.mark.parametrize(("sentence", "kinds"), [
    ('"It is doable," Mayor Ivo Lind told reporters on Monday.', ["direct"]),
    ('"Star Wars" opens on Friday, the harbor cinema said.', ["mixed"]),  # a title
])
def test_a_short_quote_before_its_frame_is_direct_a_title_is_not(sentence: str,
                                                                 kinds: list[str]) -> None:
    art, c = cands(sentence)
    assert [x.kind for x in c.claims] == kinds


def test_a_name_after_a_title_the_pipeline_does_not_know_is_a_person() -> None:
    art, c = cands("Harbor Chief Ana Roos told reporters that two boats had sunk. General Motors "
                   "said the new plant would open in May.")
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [
        ("Ana Roos", "person", "Harbor Chief"), ("General Motors", "organization", None)]


@pytest.mark.parametrize(("text", "outlets"), [
    # a paper called by its short name with none named before is that paper (was a claim by
    # "Times"), and "the newspaper" after it is the same paper
    ("The Times reported that the harbor master had met the developer twice.\n\nThe newspaper "
     "said the meetings were not on his public calendar.", ["The Times", "The Times"]),
    # "The Times" opening a sentence is no other paper named before (was the Post)
    ("The Harbor Post reported that the ferry talks had stalled. The Times said the meetings "
     "were not on the mayor's calendar.", ["Harbor Post", "The Times"]),
])
def test_a_paper_called_by_its_short_name(text: str, outlets: list[str]) -> None:
    art, c = cands(text)
    assert [f.outlet for f in c.facts] == outlets
    assert c.claims == []


@pytest.mark.parametrize("text", [
    # names the small pipeline tags as no person: "she" still finds them
    "Governor Ana Lind spoke on Monday. She said the harbor had wasted months.",
    "Ana Lind criticised the harbor board over the delays. She said the harbor had wasted months.",
])
def test_she_finds_a_name_the_pipeline_gave_no_type(text: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type) for x in claim_in(art, c, "wasted")] == [
        ("Ana Lind", "person")]


def test_an_untyped_name_with_an_appositive_keeps_the_appositive_as_role() -> None:
    art, c = cands("Ana Lind, the harbor master, said the pier would reopen in May.")
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [
        ("Ana Lind", "person", "the harbor master")]


def test_a_quote_over_several_paragraphs_is_the_speaker_named_at_its_end() -> None:
    art, c = cands('Storm in Velmar\n\nThe storm hit the harbor town on Monday.\n\n"The waves were '
                   'higher than the piers. We lost two boats in an hour.\n\n"The town is empty '
                   'now.\n\n"Nobody here has seen anything like it," harbor master Eva Lund said.'
                   '\n\nThe council meets on Friday.')
    assert [(x.speaker, x.kind, art.text[x.start:x.end][:20]) for x in c.claims] == [
        ("Eva Lund", "direct", '"The waves were high'), ("Eva Lund", "direct", '"The town is empty n'),
        ("Eva Lund", "direct", '"Nobody here has see')]
    # a closed quote standing alone before another speaker's quote is nobody's
    art, c = cands('Storm in Velmar\n\nThe storm hit the harbor town on Monday.\n\n"The waves '
                   'were higher than the piers."\n\n"Nobody here has seen anything like it," '
                   'harbor master Eva Lund said.')
    assert [art.text[x.start:x.end][:10] for x in c.claims] == ['"Nobody he']


@pytest.mark.parametrize(("sentence", "speakers"), [
    # what it would be fair or awkward to say is nobody's statement
    ("It is fair to say that the harbor plan failed.", []),
    ("It has always been awkward for the council to say that the pier is safe.", []),
    # "as X says, <clause>": X says the clause (the main verb "failed" withholds nothing)
    ("As harbor master Ivo Lind says, the dredging plan failed.", ["Ivo Lind"]),
    ("The mayor declined to say whether the dredging plan had failed.", []),
    ("Harbor master Ivo Lind pointed out that the dredging plan had failed.", ["Ivo Lind"]),
    # what a speaker was quick or careful to say is said
    ("The harbor master was quick to say that the pier was unsafe.", ["The harbor master"]),
    ("The mayor was careful to point out that the pier was unsafe.", ["The mayor"]),
])
def test_said_as_a_possibility_or_as_an_aside(sentence: str, speakers: list[str]) -> None:
    art, c = cands(sentence)
    assert [x.speaker for x in c.claims] == speakers


@pytest.mark.parametrize(("text", "speaker", "evidence"), [
    ("Norland said its navy had sunk a patrol boat. Vesland has denied Norlandian assertions "
     "that its boats entered the bay.", "Norland", "Norlandian assertions that its boats"),
    ("Harbor officials rejected the union's claim that the yard would close next year.",
     "the union", "the union's claim that the yard"),
])
def test_a_statement_named_by_a_noun_is_its_owners_claim(text: str, speaker: str,
                                                         evidence: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in claim_in(art, c, evidence) if
            art.text[x.start:x.end].startswith(evidence[:12])] == [speaker]


@pytest.mark.parametrize(("text", "claims", "facts"), [
    # "the report" after an outlet's report is that outlet's (was a claim by the outlet)
    ("Harbor news\n\nThe Harbor Herald reported on Monday that the ferry talks had stalled. The "
     "report said the two ports disagreed over fees.", [], ["Harbor Herald", "Harbor Herald"]),
    # "a report" naming nobody is an unnamed report; a report by someone is theirs
    ("Harbor news\n\nA news report published Wednesday said the harbor master had resigned.",
     [], ["unnamed reports"]),
    ("Harbor news\n\nA report by the Harbor Watch Group said 40 boats had been seized.",
     ["Harbor Watch Group"], []),
    ("Harbor news\n\nA report released on Monday by the Harbor Watch Group said 40 boats had "
     "been seized.", ["Harbor Watch Group"], []),
])
def test_a_report_as_the_subject(text: str, claims: list[str], facts: list[str]) -> None:
    art, c = cands(text)
    assert [f.outlet for f in c.facts] == facts
    assert [x.speaker for x in c.claims if x.speaker not in {"the two ports"}] == claims


@pytest.mark.parametrize(("text", "speaker"), [
    ("Harbor news\n\nFishermen blocked the harbor on Monday. They said the new quotas would "
     "ruin them.", "Fishermen"),
    # a plural subject that is no people is not who "they" are
    ("Harbor news\n\nDockers said the quotas were unfair. The numbers rose on Monday. They said "
     "the new quotas would ruin them.", "Dockers"),
])
def test_they_are_the_people_named_as_the_last_subject(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in claim_in(art, c, "would ruin them")] == [speaker]


@pytest.mark.parametrize(("sentence", "speaker", "channel"), [
    ("The ferry ran aground at dawn, according to a police statement.", "police", "statement"),
    ("The ferry company, according to its latest filing, lost $3 million in the quarter.",
     "The ferry company", "filing"),
    ("According to figures released by the Harbor Ministry, traffic fell 8 percent.",
     "Harbor Ministry", None),
    ("In a televised address, the harbor master said the port was closed.", "the harbor master",
     "address"),
])
def test_who_issued_the_document_a_statement_comes_from(sentence: str, speaker: str,
                                                         channel: str | None) -> None:
    art, c = cands(sentence)
    assert [(x.speaker, x.channel) for x in c.claims] == [(speaker, channel)]


def test_a_name_the_small_pipeline_calls_a_work_of_art_is_still_a_person() -> None:
    art, c = cands('"The pier is unsafe," Ivo Lind, the harbor master, told The Harbor Herald in '
                   'an interview.')
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [("Ivo Lind", "person")]


@pytest.mark.parametrize(("adjective", "place"), [
    ("Russian", "Russia"), ("Iranian", "Iran"), ("Iraqi", "Iraq"), ("Turkish", "Turkey"),
    ("Ukrainian", "Ukraine"), ("Austrian", None),  # not Australia
])
def test_the_place_a_nationality_adjective_stands_for(adjective: str, place: str | None) -> None:
    places = ["Russia", "Iran", "Iraq", "Turkey", "Ukraine", "Australia", "Germany"]
    assert place_of(adjective, places) == place


@pytest.mark.parametrize(("text", "role"), [
    # what follows "According to X," is the statement, not X's description (was the role
    # "the city faces a deficit of at least $40 million")
    ("Harbor councillor Ravi Patel spoke on Monday. According to Patel, the city faces a "
     "deficit of at least $40 million.", None),
    ("According to Ravi Patel, the harbor council's budget chief, the city faces a deficit.",
     "the harbor council's budget chief"),
])
def test_the_clause_after_according_to_a_name_is_no_role(text: str, role: str | None) -> None:
    art, c = cands(text)
    assert [(x.speaker.split()[-1], x.role) for x in claim_in(art, c, "deficit")] == [
        ("Patel", role)]


def test_a_relative_clause_set_off_by_commas_is_no_part_of_the_speaker() -> None:
    # the parser hangs the clause on "negotiations", not on "person"
    art, c = cands("A person briefed on the negotiations, who spoke on condition of anonymity "
                   "because the talks are private, said the insurers had balked.")
    assert [x.speaker for x in claim_in(art, c, "balked")] == [
        "A person briefed on the negotiations"]


def test_a_participle_clause_before_the_name_is_no_role() -> None:
    art, c = cands('Jonas Berg runs the harbor. Asked whether the port would reopen before summer, '
                   'Berg said: "That is the plan."')
    assert [(x.speaker.split()[-1], x.role) for x in claim_in(art, c, "the plan")] == [
        ("Berg", None)]


def test_the_agency_after_an_unnamed_state_news_agency_is_that_agency() -> None:
    # a wire named earlier for something else is not "the agency" the officer spoke to
    art, c = cands("Reuters could not verify the footage of the harbor fire.\n\nThe state news "
                   "agency quoted a harbor officer as saying the depot had been empty.\n\n"
                   '"There was nothing there," the officer told the agency.')
    assert [f.outlet for f in c.facts if "nothing there" in art.text[f.start:f.end]] == [
        "state media"]


def test_a_quote_after_writing_that_the_parser_tags_a_noun_is_a_statement() -> None:
    # the small parser reads "writing" as a noun hung on "posted"
    art, c = cands('Jan Reul posted a photo of his empty nets on Facebook, writing: "This is '
                   'what the quota looks like."')
    assert [(x.speaker, x.kind) for x in claim_in(art, c, "quota looks")] == [
        ("Jan Reul", "direct")]


def test_a_saying_verb_before_the_name_is_no_role() -> None:
    art, c = cands('"We cannot feed our families on this," says Tomas Reul, who has fished the '
                   'bay for thirty years.')
    assert [(x.speaker, x.role) for x in c.claims] == [("Tomas Reul", None)]


@pytest.mark.parametrize(("text", "outlet"), [
    # the passive's agent reports it (was a claim by the harbor authority)
    ("The harbor authority plans to sell two of its ferries, as first reported by Axios.", "Axios"),
    ("The Harbor Herald has learned that the port board approved the ferry sale in private.",
     "Harbor Herald"),
    ("The Harbor Herald understands that the port board approved the ferry sale in private.",
     "Harbor Herald"),
])
def test_an_outlet_that_reported_or_learned_it_gives_a_fact(text: str, outlet: str) -> None:
    art, c = cands(text)
    assert [f.outlet for f in c.facts] == [outlet]
    assert c.claims == []


@pytest.mark.parametrize("verb", ["has learned", "understands"])
def test_a_person_who_has_learned_something_says_nothing(verb: str) -> None:
    art, c = cands(f"The harbor master {verb} that the ferry sale was approved in private.")
    assert c.claims == [] and c.facts == []


def test_a_name_modifying_a_common_noun_is_whose_the_speaker_is_not_who() -> None:
    art, c = cands("Ben Carr is the harbor governor. A Carr campaign aide, speaking on condition "
                   "of anonymity, said the race was tied.")
    assert [x.speaker for x in claim_in(art, c, "tied")] == ["A Carr campaign aide"]


def test_a_campaign_named_for_a_person_is_an_organisation() -> None:
    art, c = cands("Ben Carr is the harbor governor. The Carr campaign said the governor would "
                   "debate twice.")
    assert [(x.speaker, x.speaker_type) for x in claim_in(art, c, "debate")] == [
        ("The Carr campaign", "organization")]


@pytest.mark.parametrize(("text", "outlet"), [
    # an outlet's own count is its report (was a claim by "an AFP tally ...")
    ("At least 12 people died in the harbor fire, according to an AFP tally based on hospital "
     "figures.", "AFP"),
    ("Turnout in the harbor vote was 61 percent, according to a Harbor Herald poll.",
     "Harbor Herald"),
])
def test_an_outlets_tally_or_poll_is_its_report(text: str, outlet: str) -> None:
    art, c = cands(text)
    assert [f.outlet for f in c.facts] == [outlet] and c.claims == []


def test_a_count_by_named_authors_is_theirs() -> None:
    art, c = cands("Turnout in the harbor vote was 61 percent, according to a count by election "
                   "officials.")
    assert [x.speaker for x in c.claims] == ["election officials"]


def test_asking_that_a_name_not_be_used_is_a_condition_not_a_statement() -> None:
    art, c = cands('"We heard three explosions," a fisherman told the Harbor Herald, asking that '
                   'his name not be used for fear of reprisals.')
    assert [x.kind for x in c.claims] == ["direct"]
    assert [(u.kind, u.cue) for u in c.cues if "name" in u.cue or "fear" in u.cue] == [
        ("anonymous_source", "asking that his name not be used")]


def test_he_after_she_named_her_speaker_is_the_man_named_as_subject() -> None:
    # "She added" makes Lund a she; the bare "Dahl" (typed as no person by the small
    # pipeline) is the Karl Dahl named before
    art, c = cands("Harbor master Eva Lund met the union leader, Karl Dahl, on Monday.\n\n"
                   'Lund said the meeting had been "productive." She added that the ministry '
                   "would publish new figures by Friday.\n\nDahl was less positive. The union "
                   "would not accept any cut above ten percent, he said.")
    assert [x.speaker.split()[-1] for x in claim_in(art, c, "ten percent")] == ["Dahl"]


def test_according_to_a_pronoun_finds_its_person() -> None:
    art, c = cands("The union's lawyer, Mira Sand, said her clients were considering a court "
                   "challenge. According to her, the quotas breach a 2019 agreement.")
    assert [x.speaker for x in claim_in(art, c, "2019")] == ["Mira Sand"]


@pytest.mark.parametrize("text", [
    '"The mood on the docks is grim," said Ana Lind of the Nordic Shipping Institute.',
    "Ana Lind of the Nordic Shipping Institute said the mood on the docks was grim.",
])
def test_a_name_of_an_organisation_is_a_person_and_where_she_works(text: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [
        ("Ana Lind", "person", "Nordic Shipping Institute")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("The CEO of Acme Harbor, Lars Holm, said the cuts were needed.", "Lars Holm",
     "The CEO of Acme Harbor"),
    ("The director of Northwind Labs, Vera Ostrova, said the test had failed.", "Vera Ostrova",
     "The director of Northwind Labs"),
])
def test_a_name_after_a_descriptions_of_phrase_is_the_speaker(text: str, speaker: str,
                                                              role: str) -> None:
    # the small parser hangs the name on the organisation, not on the description
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [(speaker, "person", role)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The three ministers all said the plan would fail.", "The three ministers"),
    ("Ana Ruiz all but accused the mayor of lying about the budget.", "Ana Ruiz"),
    ("All of the ministers said the plan would fail.", "All of the ministers"),
    ("Both of the senators said the plan would fail.", "Both of the senators"),
])
def test_a_quantifier_beside_the_subject_is_no_part_of_who(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Ruiz, 61, told reporters that the plant would close.", "Ruiz", None),
    ('"We are ready," Ruiz, 61, told reporters.', "Ruiz", None),
    ("Jane Roe, 52, a teacher from Ohio, said the plant would close.", "Jane Roe",
     "a teacher from Ohio"),
])
def test_an_age_beside_a_name_is_no_part_of_it_and_makes_a_person(text: str, speaker: str,
                                                                  role: str | None) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [(speaker, "person", role)]


def test_a_plan_that_would_fail_withholds_nothing() -> None:
    # "fail" withholds only as "failed to say"; here it is what the plan would do
    art, c = cands("Ana Ruiz said the plan would fail and warned that prices would rise.")
    assert [art.text[x.start:x.end] for x in c.claims] == [
        "Ana Ruiz said the plan would fail", "warned that prices would rise."]
    art, c = cands("Ana Ruiz failed to say why the plant would close.")
    assert c.claims == []


@pytest.mark.parametrize("text", [
    "Neither Ana Ruiz nor Tom Berg would say whether the plant would close.",
    "No official would say whether the plant would close.",
])
def test_a_refusal_with_a_negated_subject_is_a_cue_not_a_claim(text: str) -> None:
    art, c = cands(text)
    assert c.claims == []
    assert [x.kind for x in c.cues] == ["missing_context"]


def test_a_past_statement_of_absence_stays_a_claim() -> None:
    art, c = cands("No group has claimed responsibility for the attack.")
    assert [x.speaker for x in c.claims] == ["No group"]


@pytest.mark.parametrize("text", [
    'The Defense Ministry issued a statement on Monday. "We will respond," the statement read.',
    'The ministry\'s statement read: "We will respond."',
])
def test_a_document_that_reads_a_quote_is_its_owners_claim(text: str) -> None:
    art, c = cands(text)
    assert [(x.speaker_type, x.kind) for x in c.claims] == [("government", "direct")]
    assert "ministry" in c.claims[0].speaker.lower()


@pytest.mark.parametrize("text", [
    'Ana Ruiz read the statement aloud on Monday.',
    '"It reads like it was written for a machine," said Omar Haddad, a researcher.',
    'Protesters marched to the dam. The banner read: "Save our river and stop the dam now."',
])
def test_reading_aloud_or_reads_like_is_no_documents_claim(text: str) -> None:
    art, c = cands(text)
    assert all(x.speaker in {"Omar Haddad"} for x in c.claims)


@pytest.mark.parametrize("text", [
    'Ana Ruiz posted a message on her website. "We will not back down," the post said.',
    'Ana Ruiz wrote a letter to the board. "We will not back down," the letter read.',
])
def test_the_post_or_letter_someone_issued_speaks_for_them(text: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.kind) for x in c.claims] == [("Ana Ruiz", "direct")]


@pytest.mark.parametrize(("text", "n"), [
    ("Ana Ruiz wrote a letter to the board.", 0),
    ("Ana Ruiz wrote a book about the war.", 0),
    ("Ana Ruiz wrote about the war in her memoir.", 1),
    ("Ana Ruiz wrote on X that the cuts were wrong.", 1),
    ('Ana Ruiz wrote: "The cuts are wrong."', 1),
])
def test_writing_a_document_is_an_act_writing_that_is_a_statement(text: str, n: int) -> None:
    art, c = cands(text)
    assert len(c.claims) == n


@pytest.mark.parametrize(("text", "n"), [
    ("The ministry posted a message on its website.", 0),
    ("The ministry posted a message on Telegram.", 0),
    ("The ministry issued a warning on rising prices.", 1),
    ("The ministry posted a message on its website saying the talks had failed.", 1),
])
def test_where_a_message_was_posted_is_not_what_it_says(text: str, n: int) -> None:
    art, c = cands(text)
    assert len(c.claims) == n


def test_reports_in_the_media_said_is_an_unnamed_reports_fact() -> None:
    art, c = cands("Reports in Israeli media said the talks had stalled.")
    assert c.claims == []
    assert [f.outlet for f in c.facts] == ["unnamed reports"]


def test_a_list_of_modifiers_before_one_plural_noun_is_one_group_of_speakers() -> None:
    art, c = cands("Several intelligence, law enforcement and military officials said the "
                   "group was dangerous.")
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [
        ("Several intelligence, law enforcement and military officials", "unnamed")]
    art, c = cands("The mayor and the governors said the group was dangerous.")
    assert [x.speaker for x in c.claims] == ["The mayor", "the governors"]
    art, c = cands("The mayor and governors said the bridge would reopen.")
    assert [x.speaker for x in c.claims] == ["The mayor", "governors"]


def test_the_agent_of_a_describing_participle_speaks() -> None:
    art, c = cands("The group, described by two U.S. officials as the most dangerous cell in "
                   "Syria, has grown.")
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [("two U.S. officials", "unnamed")]
    art, c = cands("A report released by the ministry on Monday showed that prices rose.")
    assert all(x.speaker != "the ministry" for x in c.claims)


def test_it_after_a_body_named_by_a_common_noun_is_that_body() -> None:
    art, c = cands("The company said profits fell. It added that it would cut 200 jobs.")
    assert [x.speaker for x in c.claims] == ["The company", "The company"]


def test_a_place_after_a_descriptions_of_phrase_is_no_name() -> None:
    art, c = cands("The mayor of Springfield, Illinois, said the bridge would reopen.")
    assert [x.speaker_type for x in c.claims] == ["unnamed"]
    assert "Illinois" in c.claims[0].speaker


def test_the_dispute_as_a_noun_is_no_conflict() -> None:
    art, c = cands("The minister said he is following the wage dispute closely. The union "
                   "disputes the figures.")
    assert [u.cue for u in c.cues if u.kind == "conflict"] == ["disputes"]


def test_data_from_an_office_is_the_offices_and_which_is_no_role() -> None:
    art, c = cands("Nora Vik runs Harbor Line. According to data from the statistics office, "
                   "harbor exports fell 4 percent. The shares rose after the announcement, which "
                   'Vik described as "painful but necessary."')
    assert [(x.speaker.split()[-1], x.role) for x in c.claims] == [
        ("office", None), ("Vik", None)]


@pytest.mark.parametrize("text, speakers", [
    # the parser joins "say" to "that invited them"; the tenses show whose verb it is
    ("Smith, Jones and Brown have all described their trips as the fulfillment of old "
     "promises to the clubs that invited them and say they are no longer accepting "
     "invitations.", ["Brown", "Jones", "Smith"]),
    # the same tense both ways: the parse is left as it is (the workers may have told them)
    ("The senator met the workers who built the bridge and told reporters the state would "
     "pay them.", ["workers"]),
])
def test_a_reporting_verb_joined_to_a_relative_clause_by_its_tense(text: str,
                                                                    speakers: list[str]) -> None:
    art, c = cands(text)
    assert sorted(x.speaker.split()[-1] for x in claim_in(art, c, "no longer") +
                  claim_in(art, c, "would pay")) == speakers


@pytest.mark.parametrize("text, speaker, role", [
    ("Vik, a lawyer who has often said the port must stay open, resigned.", "Vik", "a lawyer"),
    # a relative clause that describes, not the one that holds the statement, stays in the role
    ("Ortega, a Democrat who chairs the finance committee, said the port must stay open.",
     "Ortega", "a Democrat who chairs the finance committee"),
    ("The lawyer, Nora Vik, who has often said the port must stay open, resigned.", "Nora Vik",
     "The lawyer"),
    ("The mayor is a veteran politician who has often said the port must stay open.",
     "The mayor", None),
    ("Nora Vik is a serial liar, rampant bully, cheat and braggart who has repeatedly said the "
     "port must stay open.", "Nora Vik", None),
    ("The port's new chief is Nora Vik, who said the port must stay open.", "Nora Vik", None),
])
def test_who_said_is_the_one_a_description_renames(text: str, speaker: str,
                                                    role: str | None) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in claim_in(art, c, "stay open")] == [(speaker, role)]


def test_a_person_a_subjectless_sentence_points_to_is_the_next_he() -> None:
    art, c = cands('Mayor Lars Holm said the harbor fees were "far too high." That is more than '
                   "you can say for other mayors. Just look at House Speaker Ola Berg. He has said "
                   "the fees must rise to pay for the new pier.")
    assert [(x.speaker, x.role) for x in claim_in(art, c, "new pier")] == [
        ("Ola Berg", "House Speaker")]


def test_a_clause_with_its_own_subject_before_a_name_is_no_role() -> None:
    art, c = cands("Mayor Ola Berg spoke on Monday. The row began in May, when he criticized "
                   "Lars Holm, who said the harbor budget was too small.")
    assert [(x.speaker, x.role) for x in claim_in(art, c, "too small")] == [("Lars Holm", None)]


@pytest.mark.parametrize("text, role", [
    ("And Florida's attorney general Lars Holm said the harbor budget was too small.",
     "Florida's attorney general"),
    ("After the vote in the harbor council, Lars Holm said the budget was too small.", None),
    ("HARBOR BUDGET FIGHT GROWS - Lars Holm said the budget was too small.", None),
    ("''We need more,'' Mr. Lars Holm said of the harbor budget, calling it too small.", None),
    ("The chief of the Baltic Harbor Authority, Lars Holm, said the budget was too small.",
     "The chief of the Baltic Harbor Authority"),
    # a department and a month are no pronoun and no verb
    ("IT director Lars Holm said the harbor budget was too small.", "IT director"),
    ("The May Day organizer, Lars Holm, said the harbor budget was too small.",
     "The May Day organizer"),
    # the phrase before a name set off by commas, or ending the sentence, describes the name
    ("The harbor's chief, Lars Holm, said the budget was too small.", "The harbor's chief"),
    ('"We need more," said the harbor\'s chief, Lars Holm.', "the harbor's chief"),
    ("A dock worker at the pier, Lars Holm says the budget is too small.",
     "A dock worker at the pier"),
    # the phrase before a parenthetical "X said," is what X talks about
    ("The budget, Lars Holm said, was far too small.", None),
    ("Far too small for the new pier, Lars Holm said.", None),
    # a phrase of time is when, not who
    ("A day later, Lars Holm said the budget was too small.", None),
    ("An hour after the vote, Lars Holm said the budget was too small.", None),
])
def test_a_role_is_a_description_not_a_clause_a_time_or_a_headline(text: str,
                                                                   role: str | None) -> None:
    art, c = cands(text)
    assert [x.role for x in c.claims if x.speaker.endswith("Holm")][:1] == [role]


def test_a_parenthetical_said_with_the_name_after_it_names_the_speaker() -> None:
    # the small parser gives "said" two subjects: the topic before it and the name after it
    art, c = cands("The budget, said Lars Holm, was far too small for the new pier.")
    assert [x.speaker for x in claim_in(art, c, "new pier")] == ["Lars Holm"]


@pytest.mark.parametrize("text, outlet", [
    ("The report, published by the Harbor Herald on Tuesday, said the pier would close.",
     "Harbor Herald"),
    ("The Herald report said the pier would close.", "The Herald"),
    ("The Herald's story said the pier would close.", "The Herald"),
])
def test_a_report_an_outlet_published_is_the_outlets_fact(text: str, outlet: str) -> None:
    art, c = cands(text)
    assert [f.outlet for f in c.facts if "pier would close" in art.text[f.start:f.end]] == [
        outlet]
    assert not claim_in(art, c, "pier would close")


@pytest.mark.parametrize("text, speaker", [
    # a common given name tells a "she" from a "he" when the text gives no "Mr." or "her"
    ('Pedro Ruiz hosts a radio show. Deborah Hale, his co-host, spoke on Monday. Hale says the '
     'show grew fast. Ruiz started a channel in 2009. "People compare us to other hosts," she '
     "says.", "Deborah Hale"),  # the bare surname named in full as the article gave it
    # no subject fits the pronoun: the person named before whose given name does
    ("Jane Roe met Tom Baker on Monday. “I don't know,” he said when asked about the pier.",
     "Tom Baker"),
    ("Tom Baker met Jane Roe at the harbor on Monday. “It is far too late,” she said of the "
     "pier.", "Jane Roe"),
])
def test_a_given_name_tells_whom_he_or_she_is(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert {x.speaker for x in c.claims if "“" in art.text[x.start:x.end] or
            '"' in art.text[x.start:x.end]} == {speaker}


@pytest.mark.parametrize(("name", "gender"), [
    ("Jane Roe", "f"), ("Tom Baker", "m"), ("Hollie Vik", "f"),
    ("Kim Lund", None),  # given to both
    ("Baker", None),  # a surname alone says nothing
    ("Xqzt Lund", None),
    ("Judge Jane Roe", "f"), ("General Ana Lind", "f"),  # a title is no given name
])
def test_given_name_gender(name: str, gender: str | None) -> None:
    from assistant.candidates.first_names import given_name_gender
    assert given_name_gender(name) == gender


def test_missing_given_name_data_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.candidates import first_names
    from assistant.errors import ModelAssetError
    monkeypatch.setattr(first_names, "find_spec", lambda name: None)
    first_names._table.cache_clear()
    try:
        with pytest.raises(ModelAssetError, match="nomquamgender") as err:
            first_names.given_name_gender("Jane Roe")
        assert "pip install nomquamgender" in err.value.hint
    finally:
        first_names._table.cache_clear()


@pytest.mark.parametrize("text, needle", [
    ("Lars Holm and Nora Vik spoke after the harbor vote. They said the pier would close.",
     "pier would close"),
    ("Lars Holm and Nora Vik said the pier would close. They added that a new pier would "
     "follow.", "new pier"),
])
def test_they_after_two_named_people_is_each_of_them(text: str, needle: str) -> None:
    art, c = cands(text)
    assert sorted(x.speaker for x in claim_in(art, c, needle)) == ["Lars Holm", "Nora Vik"]


def test_they_after_a_later_plural_speaker_is_that_speaker() -> None:
    art, c = cands("Lars Holm and Nora Vik spoke after the harbor vote. Officials said the pier "
                   "would close. They added that a new pier would follow.")
    assert [x.speaker for x in claim_in(art, c, "new pier")] == ["Officials"]


def test_a_media_description_then_the_outlets_name_is_that_outlet() -> None:
    # the small parser gives "reported" two subjects: the description and the name
    art, c = cands("Local outlet the Harbor Gazette reported that the pier had collapsed.")
    assert [f.outlet for f in c.facts] == ["Harbor Gazette"]
    assert not claim_in(art, c, "pier had collapsed")


@pytest.mark.parametrize("text, role", [
    ("Witness Nora Vik, 34, said she heard two blasts at the pier.", "Witness"),
    ("Economist Nora Vik said harbor fees would rise.", "Economist"),
])
def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name(text: str, role: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims if x.speaker.endswith("Vik")] == [
        ("Nora Vik", role)]


@pytest.mark.parametrize("text", [
    '"It is a costly mistake," Ana Ruiz said of the harbor plan.',
    '"It is a costly mistake," Ana Ruiz said of the harbor plan. "A very costly one."',
    '"We should have waited," Tom Baker wrote about the vote.',
])
def test_what_a_quote_is_about_is_no_second_statement(text: str) -> None:
    # was a third claim, "Ana Ruiz said of the harbor plan.", beside the quotes it frames
    art, c = cands(text)
    assert c.claims and all(x.kind == "direct" for x in c.claims)
    assert len(c.claims) == text.count('"') // 2


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Senate Majority Leader Ana Ruiz said the vote would be held next week.", "Ana Ruiz",
     "Senate Majority Leader"),
    ("House Minority Whip Tom Baker said the bill would fail.", "Tom Baker",
     "House Minority Whip"),
    ("Opposition Leader Nora Vik said the election had been unfair.", "Nora Vik",
     "Opposition Leader"),
])
def test_a_title_of_several_words_is_no_part_of_the_name(text: str, name: str,
                                                        role: str) -> None:
    # was "Majority Leader Ana Ruiz" with the role "Senate"
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [(name, role)]


@pytest.mark.parametrize(("first", "later", "name"), [
    ("Sen. Ana Ruiz toured the flooded district on Monday.", "The senator said", "Ana Ruiz"),
    ("Gen. Tom Baker visited the base on Monday.", "The general said", "Tom Baker"),
    ("Lt. Gov. Nora Vik opened the session on Monday.", "The lieutenant governor said",
     "Nora Vik"),
])
def test_an_abbreviated_title_is_the_spelled_out_description(first: str, later: str,
                                                             name: str) -> None:
    # "Sen." before the name, "the senator" alone later: was an unnamed "The senator"
    art, c = cands(f"{first}\n\n{later} the budget would be cut by a third.")
    said = claim_in(art, c, "budget would be cut")
    assert said and said[0].speaker == name


def test_the_owner_in_a_speakers_appositive_does_not_speak() -> None:
    # the small parser, on a sentence quoted with doubled apostrophes, left "said" without a
    # subject and hung the speaker under the quote as an appositive; the nearest person
    # before the verb was "Baker", the owner in Ruiz's description
    words = ["Rivals", ",", "Ana", "M.", "Ruiz", ",", "Governor", "Baker", "'s", "former",
             "chief", "of", "staff", ",", "said", "."]
    heads = [14, 0, 4, 4, 0, 4, 7, 10, 7, 10, 4, 10, 11, 0, 14, 14]
    deps = ["ccomp", "punct", "compound", "compound", "appos", "punct", "compound", "poss",
            "case", "amod", "appos", "prep", "pobj", "punct", "ROOT", "punct"]
    tags = ["NNS", ",", "NNP", "NNP", "NNP", ",", "NNP", "NNP", "POS", "JJ", "NN", "IN", "NN",
            ",", "VBD", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON"] + ["O"] * 8
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    got = fallback_subject(doc[:], doc[14], [])
    assert got is not None and got.text == "Ruiz"


def test_she_after_a_womans_honorific_is_her_when_the_last_speaker_is_a_man() -> None:
    # "Mrs. Roe's mother grew up here, as she said": was no claim (Tom Baker is a "he")
    art, c = cands("''It was a long day,'' Tom Baker said.\n\nIn the town where both have "
                   "roots - Mrs. Roe's mother also grew up here, as she said at the outset - "
                   "the mood was warm.")
    said = claim_in(art, c, "as she said")
    assert said and said[0].speaker == "Roe"


def test_a_cue_phrase_with_its_subject_far_before_is_the_verb_phrase_only() -> None:
    art, c = cands("Neither the harbor office nor the ferry company responded to requests for "
                   "comment.")
    assert [u.cue for u in c.cues if u.kind == "unverified_claim"] == [
        "responded to requests for comment"]


@pytest.mark.parametrize(("text", "speaker"), [
    # were no claims ("called it": the small parser makes the quoted name a second object)
    ('Press secretary Karen Lee called it "fake news."', "Karen Lee"),
    ("Rescue workers put the death toll at 45.", "Rescue workers"),
    ("Local officials put the number of dead at 20.", "Local officials"),
])
def test_naming_a_thing_or_giving_a_count_is_a_statement(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


def test_putting_a_thing_somewhere_is_no_statement() -> None:
    art, c = cands("The harbor master put the new charts at the end of the shelf.")
    assert c.claims == []


@pytest.mark.parametrize(("text", "outlet"), [
    ("A Harbor Herald analysis found that the ferry claims were false.", "Harbor Herald"),
    ("A Reuters tally showed that 40 people had died in the floods.", "Reuters"),
    ("A Washington Post investigation found that the agency ignored the warnings.",
     "Washington Post"),
])
def test_what_an_outlets_own_research_found_is_its_fact(text: str, outlet: str) -> None:
    # was nothing: "found" and "showed" report only with a named body's research as subject
    art, c = cands(text)
    assert [f.outlet for f in c.facts] == [outlet] and c.claims == []


@pytest.mark.parametrize("text", [
    "The study found that the new ferry schedule reduced delays.",  # names nobody
    "A fresh Harbor Herald poll shows how hard the vote will be.",  # a poll's numbers: data
])
def test_unowned_research_and_polls_are_no_statement(text: str) -> None:
    art, c = cands(text)
    assert c.claims == [] and c.facts == []


@pytest.mark.parametrize("text", [
    'Asked if she would run again, Ana Ruiz said: "We\'ll see."',
    'Ana Ruiz said: "Not yet."',
])
def test_a_short_quote_after_a_saying_colon_is_the_statement(text: str) -> None:
    # was a claim on the frame ("Asked if she would run again, Ana Ruiz said:"), the quote
    # of fewer than four words read as a possible title
    art, c = cands(text)
    assert [(x.kind, art.text[x.start:x.end]) for x in c.claims] == [
        ("direct", text[text.index('"'):])]


@pytest.mark.parametrize(("text", "outlet"), [
    ('"We will win this county," Ana Ruiz said Tuesday night on Fox News.', "Fox News"),
    ("In an appearance on MSNBC, Ana Ruiz said the harbor bill was dead.", "MSNBC"),
])
def test_saying_it_on_a_broadcaster_is_the_broadcasters_fact_too(text: str,
                                                                  outlet: str) -> None:
    # were the claim only ("said on Fox News that ..." already gave the fact)
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == ["Ana Ruiz"]
    assert [(f.outlet, f.underlying) for f in c.facts] == [(outlet, ["Ana Ruiz"])]


def test_a_shows_quoted_name_in_the_frame_is_no_quote_of_the_speaker() -> None:
    # was a direct claim '"State of the Union,"' beside the statement
    art, c = cands('Appearing on the Harbor Channel\'s "Morning Tide Weekly Edition," Ana Ruiz '
                   "said the harbor bill was dead.")
    (said,) = c.claims
    assert said.speaker == "Ana Ruiz" and said.kind == "indirect"
    assert "bill was dead" in art.text[said.start:said.end]


@pytest.mark.parametrize(("text", "cue"), [
    ("The harbor office said 12 people were killed, while local officials put the toll at 20.",
     "toll at 20"),
    ("Police said about 2,000 people attended the rally. Organizers put the crowd at 10,000.",
     "crowd at 10,000"),
    # an outlet's report disagrees with an official count
    ("The harbor office said 12 people were killed in the blast. The Harbor Herald, citing "
     "hospital staff, reported that 20 people died.", "20 people died"),
    # the same deaths, other injuries: the number goes with the word it comes before
    ("The ministry said 12 people were killed and 30 injured. Local officials said 12 people "
     "died and 45 were hurt.", "45 were hurt"),
])
def test_two_accounts_that_count_one_thing_differently_are_a_conflict(text: str,
                                                                      cue: str) -> None:
    art, c = cands(text)
    assert [u.cue for u in c.cues if u.kind == "conflict"] == [cue]


@pytest.mark.parametrize("text", [
    # 40 counts the missing, not the toll
    "The agency said 23 people were killed. Its director, Ana Ruiz, said at least 40 people "
    "were still missing and that the toll would rise.",
    "The ministry said 12 people were killed on May 3. Local officials said 12 people died.",
    "Police said 5 people were arrested. The mayor said 12 people were injured.",
    "Ana Ruiz said 12 people were killed. Ruiz later said 14 had died.",  # one speaker
])
def test_counts_that_agree_or_count_other_things_are_no_conflict(text: str) -> None:
    art, c = cands(text)
    assert not [u for u in c.cues if u.kind == "conflict"]


def test_the_month_may_is_no_hedge() -> None:
    art, c = cands("The harbor office sent a May 4 letter and met the council in May.")
    assert not [u for u in c.cues if u.kind == "hedge"]


@pytest.mark.parametrize(("first", "later", "name"), [
    ("Hamas said in a statement that the ceasefire was over.", "The group", "Hamas"),
    ("The Harbor Workers Union said on Monday that it would strike.", "The union",
     "Harbor Workers Union"),
    ("Norland Ferries said its profit fell by a third.", "The company", "Norland Ferries"),
])
def test_the_group_or_the_company_is_the_body_that_spoke_before(first: str, later: str,
                                                                 name: str) -> None:
    # was an unnamed speaker "The group"
    art, c = cands(f"{first} {later} accused the port authority of breaking the deal.")
    said = claim_in(art, c, "accused the port")
    assert said and said[0].speaker == name


@pytest.mark.parametrize("text", [
    "The Harbor Workers Union called a strike on Monday.",
    "Ana Ruiz called a meeting for Tuesday.",
])
def test_calling_a_strike_or_a_meeting_on_a_day_is_no_statement(text: str) -> None:
    # "on Monday" was read as a call on someone
    art, c = cands(text)
    assert c.claims == []


def test_calling_for_a_span_of_time_is_still_a_call() -> None:
    art, c = cands("Ana Ruiz called for three days of mourning.")
    assert [x.speaker for x in c.claims] == ["Ana Ruiz"]


def test_a_first_paragraph_closed_inside_single_quotes_is_body_not_a_title() -> None:
    # British style: was taken for a headline (no full stop after the closing mark), and the
    # article had no body
    art = parse_article("Ana Ruiz said: 'We will not back down on the harbor plan.'",
                        min_words=1)
    assert [p.kind for p in art.paragraphs] == ["body"]
    assert [x.speaker for x in extract(art).claims] == ["Ana Ruiz"]


def test_a_headline_quoting_someone_in_single_quotes_stays_a_title() -> None:
    art = parse_article("Harbor Chief On Ferries: 'We Do Not Pay For Old Boats.'\n\n" +
                        PAD.strip(), min_words=1)
    assert art.paragraphs[0].kind == "title"


@pytest.mark.parametrize("text", [
    'As Ana Ruiz put it: "We will not back down on the harbor plan."',
    'The plan, as one harbor official put it, "is dead on arrival."',
])
def test_as_someone_put_it_is_their_statement(text: str) -> None:
    art, c = cands(text)
    assert len(c.claims) == 1 and c.claims[0].speaker in {"Ana Ruiz", "one harbor official"}


def test_putting_it_somewhere_is_no_statement() -> None:
    art, c = cands("Ana Ruiz put it on the table before the vote.")
    assert c.claims == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Jim Roe made clear that he would oppose the harbor bill.", "Jim Roe"),
    ("Jim Roe made it clear that he would oppose the harbor bill.", "Jim Roe"),
    ("Jim Roe's argument is that the harbor bill is unconstitutional.", "Jim Roe"),
    ("Ana Ruiz spoke on Monday. Her view is that the harbor bill is unconstitutional.",
     "Ana Ruiz"),
])
def test_a_stance_made_clear_or_stated_in_a_noun_is_a_statement(text: str,
                                                                speaker: str) -> None:
    # were no claims
    art, c = cands(text)
    assert [x.speaker for x in claim_in(art, c, "harbor bill")] == [speaker]


@pytest.mark.parametrize("text", [
    "The problem is that the harbor bill is unconstitutional.",  # nobody's stance
    "The argument is that the harbor bill is unconstitutional.",  # no owner named
    "Jim Roe made clear his opposition to the harbor bill.",  # no clause: an act
])
def test_a_stance_without_an_owner_or_a_clause_is_no_statement(text: str) -> None:
    art, c = cands(text)
    assert c.claims == []


def test_a_name_set_off_after_a_pronoun_owned_description_is_the_speaker() -> None:
    # the small pipeline tags no person in "His rival, Ana Ruiz, says": was an unnamed
    # speaker "His rival, Ana Ruiz"
    art, c = cands("Tom Baker is running for governor. His rival, Ana Ruiz, says he cannot be "
                   "trusted.")
    assert [(x.speaker, x.role) for x in c.claims] == [("Ana Ruiz", "His rival")]


def test_she_after_a_man_is_the_woman_named_as_the_subject_between() -> None:
    # was Tom Baker's: the quote went on from the last speaker although "she" cannot be him
    art, c = cands('"We are ready," said Tom Baker. His deputy, Ana Ruiz, was less sure. '
                   '"We need more time," she said.')
    assert [x.speaker for x in claim_in(art, c, "more time")] == ["Ana Ruiz"]


def test_a_quote_whose_she_cannot_be_the_last_speaker_does_not_go_on_as_his() -> None:
    art, c = cands('"We are ready," said Tom Baker. "We need more time," she said.')
    assert not claim_in(art, c, "more time")  # someone the text has not named


def test_a_quote_right_after_the_one_person_a_sentence_is_about_is_theirs() -> None:
    # was no claim: the quote has no frame and nobody had spoken yet
    art, c = cands('Ana Ruiz was defiant on Monday. "We will not back down on the harbor '
                   'plan."')
    assert [(x.speaker, x.kind) for x in c.claims] == [("Ana Ruiz", "direct")]


@pytest.mark.parametrize("text", [
    'Ana Ruiz met Tom Baker on Monday. "It was a good meeting for the harbor."',  # either
    'The vote passed on Monday. "It was a good day for the harbor."',  # nobody
])
def test_a_frameless_quote_after_no_single_person_has_no_speaker(text: str) -> None:
    art, c = cands(text)
    assert c.claims == []


@pytest.mark.parametrize(("text", "claims"), [
    ("The data suggest that ferry prices are rising.", 0),  # was a claim by "The data"
    ("The evidence shows that the ferry was overloaded.", 0),
    ("Some political figures in the harbor town are warning against the plan.", 1),  # people
])
def test_numbers_and_evidence_are_no_speakers(text: str, claims: int) -> None:
    art, c = cands(text)
    assert len(c.claims) == claims


@pytest.mark.parametrize("text", [
    "A harbor spokesman would neither confirm nor deny the report.",  # was his claim
    "The harbor board neither confirmed nor denied that talks had taken place.",
])
def test_neither_confirming_nor_denying_is_a_refusal_not_a_statement(text: str) -> None:
    art, c = cands(text)
    assert c.claims == []
    assert [(u.kind, u.cue.startswith("neither")) for u in c.cues] == \
        [("unconfirmed_report", True)]


def test_an_outlet_given_as_the_source_keeps_its_fact_beside_a_relative_clause() -> None:
    # "which first reported the story" made it an outlet reporting a thing, no statement
    art, c = cands("According to the Coastal Post, which first reported the story, the harbor "
                   "deal collapsed on Friday.")
    assert [f.outlet for f in c.facts] == ["Coastal Post"]


@pytest.mark.parametrize("text", [
    "Ana Ruiz dismissed the harbor poll as meaningless.",  # was no claim: "poll" is no
    "The harbor board rejected the ferry plan as unworkable.",  # statement noun
])
def test_dismissing_something_as_something_is_a_statement(text: str) -> None:
    art, c = cands(text)
    assert len(c.claims) == 1


def test_dismissing_someone_is_no_statement() -> None:
    art, c = cands("The harbor board dismissed the ferry captain.")
    assert c.claims == []


@pytest.mark.parametrize("text", [
    "Tom Baker, who once said the harbor plan was doomed, now says it will work.",
    "Tom Baker, who has called the harbor plan a disaster, said he would vote for it.",
])
def test_a_statement_in_a_relative_clause_on_the_speaker_is_a_statement_of_its_own(
        text: str) -> None:
    # was one claim over both
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == ["Tom Baker", "Tom Baker"]
    assert art.text[c.claims[0].start:c.claims[0].end].endswith(("doomed", "disaster"))


@pytest.mark.parametrize(("text", "outlet"), [
    # was an unnamed speaker "the BBC's Persian service"
    ("According to the BBC's Persian service, protests spread to 30 harbor towns.", "BBC"),
    ("CNN's Spanish-language channel reported that the harbor talks had failed.", "CNN"),
])
def test_a_part_of_an_outlet_reports_for_the_outlet(text: str, outlet: str) -> None:
    art, c = cands(text)
    assert c.claims == []
    assert [f.outlet for f in c.facts] == [outlet]


def test_a_staff_member_named_with_the_outlet_speaks_for_himself() -> None:
    art, c = cands("CNN's Tom Baker said the harbor was calm.")
    assert [x.speaker for x in c.claims] == ["Tom Baker"]
    assert c.facts == []


def test_a_report_by_an_outlet_that_found_something_is_the_outlets_fact() -> None:
    # was nothing: "report" was no research noun and "by the AP" no owner
    art, c = cands("A report by the Associated Press found that the harbor agency had ignored "
                   "warnings.")
    assert [f.outlet for f in c.facts] == ["AP"]


def test_asking_if_is_a_question_like_asking_whether() -> None:
    # was no claim: the small parser reads the "if" clause as a condition
    art, c = cands("Tom Baker asked the mayor if she would commit to the harbor plan.")
    assert [x.speaker for x in c.claims] == ["Tom Baker"]


def test_a_bare_surname_is_the_full_name_the_article_gave_before() -> None:
    # was "Ruiz" (typed by the small pipeline as it guessed): the full name never spoke
    art, c = cands('Ana Ruiz, the harbor master, met the ferry board on Monday.\n\n'
                   '"We have a deal on the harbor," Ruiz said.')
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [("Ana Ruiz", "person")]


def test_a_surname_two_people_share_stays_as_written() -> None:
    art, c = cands('Ana Ruiz and her brother, Tom Ruiz, run the harbor ferry.\n\n'
                   '"We have a deal on the harbor," Ruiz said.')
    assert [x.speaker for x in c.claims] == ["Ruiz"]


@pytest.mark.parametrize("text", [
    'Tom Baker was asked about the harbor.\n\nHis answer: "Never."',  # was no claim
    'Tom Baker was asked about the harbor.\n\nHis answer was simple: "Never again."',
    'Tom Baker was asked about the harbor.\n\nBaker\'s response was blunt: "No."',
    'Asked if the harbor would close, Tom Baker said: "No."',  # one word after "said:"
])
def test_a_short_answer_after_a_colon_is_the_speakers_statement(text: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.kind) for x in c.claims] == [("Tom Baker", "direct")]


def test_a_verdict_with_no_owner_names_no_speaker() -> None:
    art, c = cands('The harbor board met on Monday.\n\nThe verdict was clear: "Guilty."')
    assert c.claims == []


def test_both_before_two_names_is_no_role() -> None:
    art, c = cands("Both Tom Baker and Ana Ruiz said the harbor must stay open.")
    assert [(x.speaker, x.role) for x in c.claims] == [("Tom Baker", None), ("Ana Ruiz", None)]


def test_the_cleric_is_the_one_named_with_a_religious_title() -> None:
    # was an unnamed "The cleric"
    art, c = cands('Ayatollah Ahmad Berg led prayers at the harbor mosque on Friday. "We will '
                   'not forget," Berg said.\n\nThe cleric added: "Our answer will come."')
    assert [x.speaker for x in c.claims] == ["Ayatollah Ahmad Berg"] * 2


@pytest.mark.parametrize(("text", "role"), [
    # wire style gives the role without an article: was no role
    ('"We came to the table," said Maria Delgado, president of the Harbor Dockworkers Union, '
     "speaking outside the union hall.", "president of the Harbor Dockworkers Union"),
    ("Tom Baker, spokesman for the ferry company, said the boats would sail.",
     "spokesman for the ferry company"),
    ("Jane Roe, owner of a bakery near the harbor, said sales were down.",
     "owner of a bakery near the harbor"),
    # who reports is no role of whom it quotes
    ("The Coastal Post quotes Tom Baker, head of the harbor board, as saying the pier is safe.",
     "head of the harbor board"),
])
def test_a_role_without_an_article_after_the_name(text: str, role: str) -> None:
    art, c = cands(text)
    assert [x.role for x in c.claims] == [role]


def test_a_clause_after_the_name_is_no_role() -> None:
    art, c = cands("Tom Baker, who lives near the harbor, said the strike hurt.")
    assert [x.role for x in c.claims] == [None]


def test_the_association_is_the_association_named_before() -> None:
    # was an unnamed "The association"
    art, c = cands("The Harbor Terminal Association said the offer was generous.\n\n"
                   "The association has said the new cranes would not cost jobs.")
    assert [x.speaker for x in c.claims] == ["Harbor Terminal Association"] * 2


@pytest.mark.parametrize("later", [
    "The Courier said it had obtained the memo from a harbor employee.",
    "According to the Courier, the harbor system failed four times last summer.",
    "Two harbor officials told the Courier that the memo had been discussed.",
])
def test_an_outlet_named_again_by_its_last_word(later: str) -> None:
    # "the Courier" was an organisation making a claim, or nothing
    art, c = cands("The memo was first published by the Nordic Courier on Monday.\n\n" + later)
    assert [f.outlet for f in c.facts if f.start >= art.text.index(later)] == ["Nordic Courier"]
    assert not any(x.speaker == "Courier" for x in c.claims)


def test_the_last_word_of_another_name_is_no_outlet() -> None:
    art, c = cands("The memo was first published by the Nordic Courier on Monday.\n\n"
                   "The Senate said it would hold hearings on the harbor.")
    assert [x.speaker for x in c.claims] == ["Senate"]


def test_the_ministry_is_not_the_spokeswoman_for_the_ministry() -> None:
    # was the spokeswoman's claim
    art, c = cands("A spokeswoman for the harbor ministry, Kari Holm, said a review was under "
                   "way.\n\nThe ministry has put the number of stranded travelers at 2,000.")
    assert [x.speaker for x in c.claims][-1] != "Kari Holm"


@pytest.mark.parametrize(("text", "outlet"), [
    ("Ana Ruiz, in comments to Politico, said the harbor plan was dead.", "Politico"),  # none
    # was "Financial Times' Big Read": the show is the outlet's
    ("Ana Ruiz told the Financial Times' Big Read podcast that the harbor bill would pass.",
     "Financial Times"),
])
def test_comments_to_an_outlet_and_an_outlets_show(text: str, outlet: str) -> None:
    art, c = cands(text)
    assert [(f.outlet, f.underlying) for f in c.facts] == [(outlet, ["Ana Ruiz"])]


@pytest.mark.parametrize("text", [
    "The harbor minister rejected that criticism on Tuesday.",  # was no claim
    "Tom Baker dismissed the notion that the harbor was unsafe.",
])
def test_rejecting_a_criticism_or_a_notion_is_a_statement(text: str) -> None:
    art, c = cands(text)
    assert len(c.claims) == 1


def test_a_noun_the_parse_made_the_root_speaks_through_its_clause() -> None:
    # the parse hangs "called" on "adviser" as a clause: was Ruiz's claim, role "called a"
    art, c = cands('One adviser, who asked not to be named to discuss strategy, called a Ruiz '
                   'run "a vanity project."')
    assert [(x.speaker, x.role) for x in c.claims] == [("One adviser", None)]


def test_a_description_after_a_clause_is_the_noun_phrase_before_the_name() -> None:
    # was "Her comments came a day after the state party chairman"
    art, c = cands("Her comments came a day after the state party chairman, Robert Kane, told "
                   "reporters that a crowded primary would help the other side.")
    assert [(x.speaker, x.role) for x in c.claims] == [("Robert Kane",
                                                         "the state party chairman")]


@pytest.mark.parametrize(("honorific", "speaker"), [("Mrs.", "Jane Baker"), ("Mr.", "Tom Baker")])
def test_an_honorific_tells_which_of_two_people_with_one_surname_speaks(honorific: str,
                                                                        speaker: str) -> None:
    # was "Baker": two full names share it
    art, c = cands("Tom Baker and his wife, Jane Baker, run the harbor ferry.\n\n"
                   f'"It is hard," {honorific} Baker said.')
    assert [x.speaker for x in c.claims] == [speaker]


def test_the_person_is_the_unnamed_source_named_before() -> None:
    # was "The person"
    art, c = cands("A person familiar with the harbor talks said a deal was close.\n\n"
                   "The person said the deal could be signed on Friday.")
    assert [x.speaker for x in c.claims] == ["A person familiar with the harbor talks"] * 2


def test_the_monitor_is_the_body_that_spoke_last() -> None:
    # was an unnamed "The monitor"
    art, c = cands("The Harbor Observatory for Human Rights put the death toll at five.\n\n"
                   "The monitor said two civilians were among the dead.")
    assert [x.speaker for x in c.claims][-1] == "Harbor Observatory for Human Rights"


@pytest.mark.parametrize(("text", "name", "role"), [
    # were "Executive Lena Berg" (role "Chief") and "Financial Officer Ana Ruiz"
    ("The harbor cuts will fall on two plants, Chief Executive Lena Berg told analysts.",
     "Lena Berg", "Chief Executive"),
    ("Chief Financial Officer Ana Ruiz said harbor costs rose.", "Ana Ruiz",
     "Chief Financial Officer"),
    ("Harbor Line Shipping said profits fell.", "Harbor Line Shipping", None),
])
def test_title_words_of_a_long_title_are_no_part_of_the_name(text: str, name: str,
                                                               role: str | None) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [(name, role)]


def test_a_weak_verb_set_off_after_its_clause_reports_it() -> None:
    # was no claim: "predicted" has no clause of its own in the parse
    art, c = cands("Tom Baker spoke on Monday.\n\nThe plan will fail, he predicted, unless "
                   "costs fall.")
    assert [x.speaker for x in c.claims] == ["Tom Baker"]


def test_a_document_obtained_by_an_outlet_is_the_outlets_report() -> None:
    art, c = cands("The harbor plan will fail, Tom Baker wrote in a memo obtained by The "
                   "Coastal Post.")
    assert [x.speaker for x in c.claims] == ["Tom Baker"]
    assert [(f.outlet, f.underlying) for f in c.facts] == [("Coastal Post", ["Tom Baker"])]


def test_a_short_quote_before_a_frame_with_an_age_is_direct() -> None:
    # was a mixed claim over the whole sentence: the age's commas hid the frame
    art, c = cands('"I am done," Tom Baker, 71, told supporters at the harbor.')
    assert [(x.kind, art.text[x.start:x.end]) for x in c.claims] == [("direct", '"I am done,"')]


@pytest.mark.parametrize("text", [
    "Her lawyer, Marcus Delaney, said outside the harbor court that his client would appeal.",
    "His rival, Marcus Delaney, said the harbor vote was rigged.",
])
def test_a_name_the_small_pipeline_calls_an_organisation_after_a_persons_noun(
        text: str) -> None:
    # was the unnamed speaker "Her lawyer, Marcus Delaney": the name tagged an organisation
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [("Marcus Delaney", "person")]
    assert c.claims[0].role in {"Her lawyer", "His rival"}


@pytest.mark.parametrize("text", [
    "A former harbor executive, who testified under a cooperation agreement, recorded several "
    "of his meetings with the mayor.",
    "The witness, who testified for two days, left the harbor court without speaking.",
])
def test_a_relative_clause_that_only_says_someone_spoke_is_no_claim(text: str) -> None:
    # was a claim of the whole sentence for the executive / the witness
    art, c = cands(text)
    assert c.claims == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The witness, who testified that the mayor took cash, left the harbor court.",
     "The witness"),
    ("The harbor fund lost money last year, a claim the ministry denied in a statement.",
     "the ministry"),
])
def test_a_relative_clause_with_what_was_said_stays_a_claim(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # was "a large study published Wednesday in the journal Harbor Medicine"
    ("Night shifts may raise heart risk, according to a large study published Wednesday in "
     "the journal Harbor Medicine.", "a large study"),
    # was the whole noun phrase: a study's author is its source
    ("The drug cut deaths by a third, according to a study released Monday by the "
     "University of Lindqvist.", "University of Lindqvist"),
])
def test_a_study_is_named_without_when_it_came_out(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


@pytest.mark.parametrize("text", [
    "Novalith Corp. is exploring a sale of its harbor unit.\n\nIn a regulatory filing last "
    "month, the company said it was reviewing options.",
    "Novalith Corp. is exploring a sale of its harbor unit.\n\nThe firm said it was "
    "reviewing options.",
])
def test_the_company_is_the_body_the_story_is_about_when_none_spoke(text: str) -> None:
    # was the unnamed speaker "the company": only a body that had spoken was looked for
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [
        ("Novalith Corp.", "organization")]


def test_the_company_is_still_the_body_that_spoke_last() -> None:
    art, c = cands("Harbor Line Shipping said profits fell. Novalith Corp. is exploring a "
                   "sale.\n\nHarbor Line Shipping said costs rose. The company said it would "
                   "cut jobs.")
    assert [x.speaker for x in c.claims][-1] == "Harbor Line Shipping"


@pytest.mark.parametrize(("text", "channel"), [
    # was "interview with Reuters": the outlet saw the memo, nobody spoke to it
    ("Chief executive Sandra Kohl wrote in a memo to staff, which was seen by Reuters, that "
     "the harbor unit would close.", "memo"),
    ("Tom Baker told the board in an email seen by The Coastal Post that he would resign.",
     "email"),
])
def test_a_document_an_outlet_saw_is_the_channel(text: str, channel: str) -> None:
    art, c = cands(text)
    assert [x.channel for x in c.claims] == [channel]
    assert len(c.facts) == 1


@pytest.mark.parametrize("text", [
    "Governor Alicia Brandt declared a state of emergency for the harbor late Saturday.",
    "The harbor company declared bankruptcy on Monday.",
    "The army declared martial law in the harbor town.",
])
def test_declaring_an_emergency_is_an_act_not_a_statement(text: str) -> None:
    art, c = cands(text)  # were claims of the whole sentence
    assert c.claims == []


def test_declaring_that_something_is_so_is_a_statement() -> None:
    art, c = cands("The harbor minister declared that the talks had failed.")
    assert [x.speaker for x in c.claims] == ["The harbor minister"]


@pytest.mark.parametrize(("text", "role"), [
    # was the role "Lt." / no role: a body named in common nouns after "of"
    ("At least 40 homes have been destroyed, said Lt. Gina Marsh of the county sheriff's "
     "office.", "Lt., county sheriff's office"),
    ("Gina Marsh of the state health department told reporters the harbor water was safe.",
     "state health department"),
])
def test_a_body_in_common_nouns_after_of_is_the_role(text: str, role: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [("Gina Marsh", role)]


@pytest.mark.parametrize("text", [
    # were the speakers "COLUMBUS", "Ohio", "N.Y." and "WASHINGTON"
    "COLUMBUS, Ohio — Harbor board candidate Mark Hollis said on Tuesday that taxes would fall.",
    "Harbor race heats up\n\nCOLUMBUS, Ohio - Mark Hollis said on Tuesday that taxes would fall.",
    "NEW YORK, N.Y. - Mark Hollis said on Tuesday that harbor taxes would fall.",
    "WASHINGTON - Mark Hollis said on Tuesday that harbor taxes would fall.",
])
def test_a_dateline_is_neither_the_speaker_nor_part_of_the_name(text: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == ["Mark Hollis"]
    assert c.claims[0].role in {None, "Harbor board candidate"}


def test_a_name_set_off_by_two_dashes_is_no_dateline() -> None:
    art, c = cands("NATO - the harbor alliance - said taxes would fall.")
    assert [x.speaker for x in c.claims] == ["NATO"]


def test_struggling_to_explain_reports_nothing() -> None:
    art, c = cands("Mark Hollis struggled on Tuesday night to explain how his harbor plan "
                   "would be paid for.")
    assert c.claims == []


@pytest.mark.parametrize("text", [
    "Hollis's campaign said the harbor debate was a distraction.",
    "Ruiz's team denied that she would take new harbor speeches.",
])
def test_a_named_persons_campaign_is_an_organisation(text: str) -> None:
    art, c = cands(text)  # was "unnamed": only "the Hollis campaign" was typed
    assert [x.speaker_type for x in c.claims] == ["organization"]


def test_a_one_word_outlet_the_parse_takes_for_an_adverb_still_reports() -> None:
    # was no fact: the small parser tags "Axios" an adverb of "reported"
    art, c = cands("Axios first reported that the harbor call was being planned, citing two "
                   "sources familiar with the preparations.")
    assert [(f.outlet, f.underlying) for f in c.facts] == [
        ("Axios", ["two sources familiar with the preparations"])]


def test_without_citing_sources_names_no_source() -> None:
    # was the underlying source "sources" and an anonymous-source cue
    art, c = cands("Japan's Kyodo news agency reported, without citing sources, that the harbor "
                   "had been closed.")
    assert [(f.outlet, f.underlying) for f in c.facts] == [("Kyodo", [])]
    assert [q.kind for q in c.cues] == []


def test_a_readout_is_the_document_of_whoever_issued_it() -> None:
    # was the unnamed speaker "a White House readout of the call"
    art, c = cands("The two presidents agreed to resume harbor talks, according to a White "
                   "House readout of the call.")
    assert [(x.speaker, x.channel) for x in c.claims] == [("White House", "readout")]


def test_a_participle_after_a_clause_about_a_thing_is_the_main_speakers() -> None:
    # was the speaker "a bill": the parse hangs "calling" on the relative clause
    art, c = cands('Gov. Carla Benson on Friday vetoed a bill that would have expanded harbor '
                   'voting, calling it "rushed, unfunded and ripe for confusion."')
    assert [x.speaker for x in c.claims] == ["Carla Benson"]


@pytest.mark.parametrize("text", [
    # was a fact of the Ledger: "it had asked" read as the outlet's report
    '"Somebody is lying," Tom Baker told The Capital Ledger.\n\nA spokeswoman for the harbor '
    'association did not respond to a question about whether it had asked for a veto.',
    "It is unclear whether Tom Baker told the board about the harbor deal.",
])
def test_a_saying_verb_under_whether_is_an_open_question(text: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == (["Tom Baker"] if "lying" in text else [])
    assert len(c.facts) == (1 if "lying" in text else 0)


def test_that_opening_a_clause_is_no_part_of_the_speakers_name() -> None:
    # was the speaker "that county clerks"
    art, c = cands('In a letter, Carla Benson said she supported "the goal" but that county '
                   "clerks had warned her they lacked the staff to process harbor ballots.")
    assert "that county clerks" not in [x.speaker for x in c.claims]
    assert [x.speaker for x in c.claims][0] == "Carla Benson"


def test_a_body_named_by_whom_it_serves_is_an_organisation() -> None:
    art, c = cands("The state clerks' association said its members had raised harbor concerns.")
    assert [x.speaker_type for x in c.claims] == ["organization"]  # was "unnamed"


@pytest.mark.parametrize(("text", "speaker"), [
    # was the unnamed "The chip company"
    ("Novalith Corp. is exploring a sale of its harbor unit.\n\nThe chip company said it was "
     "reviewing options.", "Novalith Corp."),
    # another company than the one just named stays as written
    ("Novalith Corp. is exploring a sale of its harbor unit.\n\nThe parent company said it "
     "was reviewing options.", "The parent company"),
])
def test_a_qualified_description_of_a_company(text: str, speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


def test_it_after_a_sentence_about_a_company_is_the_company_not_the_last_outlet() -> None:
    # was a fact of The Telegraph: "It" went to the outlet quoted two sentences before
    art, c = cands('Writing in the Daily Telegraph, Sir Alan Mayhew said the episode was '
                   '"damaging but survivable."\n\nThe company, Medline Supplies, is thought to '
                   'have received harbor contracts. It said in a statement that it had won the '
                   'work "on merit."')
    assert [x.speaker for x in c.claims] == ["Alan Mayhew", "Medline Supplies"]
    assert [f.outlet for f in c.facts] == ["The Telegraph"]


def test_it_after_an_outlets_report_is_still_the_outlet() -> None:
    art, c = cands("Reuters reported that the harbor talks had failed, citing two officials. "
                   "It said the ministry had confirmed the news.")
    assert [f.outlet for f in c.facts] == ["Reuters", "Reuters"]


def test_downing_street_is_a_government_seat() -> None:
    art, c = cands("Downing Street said the prime minister had full confidence in the harbor "
                   "minister.")
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [("Downing Street", "government")]


@pytest.mark.parametrize(("text", "speaker"), [
    # was the speaker "Guardian": the outlet that obtained the emails
    ('The emails, first obtained by The Guardian, show an adviser to Tom Harwood asking '
     'officials to "move this harbor contract to the front of the queue."',
     "an adviser to Tom Harwood"),
    ('The recording captures Tom Baker saying that the harbor deal was "done."', "Tom Baker"),
])
def test_whom_a_document_shows_saying_something_is_the_speaker(text: str,
                                                                speaker: str) -> None:
    art, c = cands(text)
    assert [x.speaker for x in c.claims] == [speaker]


def test_writing_in_a_paper_is_an_article_there_not_an_interview() -> None:
    art, c = cands("Writing in the Daily Telegraph, Sir Alan Mayhew said the harbor episode was "
                   "damaging.")
    assert [x.channel for x in c.claims] == ["article in The Telegraph"]  # was an interview
    assert [(f.outlet, f.underlying) for f in c.facts] == [("The Telegraph", ["Alan Mayhew"])]


@pytest.mark.parametrize(("text", "name", "role"), [
    # were the names "Quarterback Jalen Price" and "Owner Richard Vance"
    ("Quarterback Jalen Price said the harbor team was divided.", "Jalen Price", "Quarterback"),
    ("Owner Richard Vance said the harbor team would win.", "Richard Vance", "Owner"),
    ("Chancellor Olaf Berg said the harbor talks failed.", "Olaf Berg", "Chancellor"),
])
def test_sport_and_office_titles_are_no_part_of_the_name(text: str, name: str,
                                                        role: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [(name, role)]


@pytest.mark.parametrize(("text", "outlet"), [
    ('Jalen Price told ESPN last month that the harbor locker room was "divided."', "ESPN"),
    ("The company told Business Insider that harbor sales rose.", "Business Insider"),
    ("The Hollywood Reporter said the harbor film was shelved.", "The Hollywood Reporter"),
])
def test_sports_trade_and_business_outlets_are_known(text: str, outlet: str) -> None:
    art, c = cands(text)  # were no facts
    assert [f.outlet for f in c.facts] == [outlet]


def test_a_post_on_social_media_is_the_channel() -> None:
    art, c = cands('Tom Baker did not speak to reporters. In a brief post on social media, he '
                   'wrote: "Our harbor fans deserve a winner. We will deliver one."')
    assert [x.channel for x in c.claims] == ["social media post"]  # was none


@pytest.mark.parametrize(("text", "kind", "cue"), [
    ("The harbor company declined to provide details of the settlement.", "missing_context",
     "declined to provide details"),
    ("The exact number of harbor casualties is unknown.", "missing_context", "is unknown"),
    ("Harbor officials have yet to explain why the alarm failed.", "missing_context",
     "have yet to explain"),
    ("The harbor video could not be authenticated.", "unconfirmed_report",
     "could not be authenticated"),
    ("No evidence was offered to support the harbor claim.", "unverified_claim",
     "No evidence was offered"),
])
def test_what_nobody_has_told_or_checked_yet_is_a_cue(text: str, kind: str, cue: str) -> None:
    art, c = cands(text)  # were no cues
    assert (kind, cue) in [(q.kind, q.cue) for q in c.cues]


def test_having_yet_to_explain_is_no_statement() -> None:
    art, c = cands("Harbor officials have yet to explain why the alarm failed.")
    assert c.claims == []  # was a claim of "Harbor officials"


@pytest.mark.parametrize(("text", "name", "role"), [
    # were "Activist Ana Ruiz" and "Councilwoman Ana Ruiz" with no role
    ("Activist Ana Ruiz said the harbor fee was unfair.", "Ana Ruiz", "Activist"),
    ("Councilwoman Ana Ruiz said the harbor fee was unfair.", "Ana Ruiz", "Councilwoman"),
    # an honorific stays in the name
    ("Pope Francis said the harbor fee was unfair.", "Pope Francis", None),
])
def test_a_job_tagged_into_a_persons_name_is_the_role(text: str, name: str,
                                                      role: str | None) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [(name, role)]


def test_a_noun_before_a_contact_clause_is_no_role() -> None:
    # was the role "money": "money [that] Cruz said would go to transit"
    art, c = cands("Elena Cruz spoke on Monday. The harbor fee would raise $120 million a year, "
                   "according to city estimates, money Cruz said would go to transit.")
    assert [(x.speaker, x.role) for x in c.claims if x.speaker == "Elena Cruz"] == [
        ("Elena Cruz", None)]


def test_a_clause_the_parse_hangs_on_the_document_is_what_was_written() -> None:
    # the parse makes the that-clause a modifier of "opinion": was no claim
    text = ('U.S. District Judge Helen Park wrote in a 38-page opinion that the harbor law '
            '"sweeps far too broadly" and would burden the speech of adults as well as '
            'children.')
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [("Helen Park", "U.S. District Judge")]


def test_a_trailing_frame_parsed_as_a_conjunct_still_frames_the_clause() -> None:
    # "estimated" parsed as a second verb coordinated with "reach": was no claim
    art, c = cands("Insured harbor losses could reach $2 billion, the risk modeling firm "
                   "Verisk estimated in a preliminary assessment.")
    assert [x.speaker for x in c.claims] == ["the risk modeling firm Verisk"]
    assert art.text[c.claims[0].start:c.claims[0].end].startswith("Insured harbor losses")


@pytest.mark.parametrize(("text", "name", "stype"), [
    # were three speakers: "The utility", "Coastal Power", "Light"
    ("The utility, Coastal Power & Light, said harbor crews were working.",
     "Coastal Power & Light", "organization"),
    # was "The company, Acme Corp", unnamed
    ("The company, Acme Corp, said harbor sales fell.", "Acme Corp", "organization"),
    # was "Johnson"
    ("Johnson & Johnson said harbor sales fell.", "Johnson & Johnson", "organization"),
    # was a fact of an outlet "FEMA"
    ("The agency, FEMA, said harbor aid was coming.", "FEMA", "government"),
])
def test_a_body_named_beside_its_description_is_one_speaker(text: str, name: str,
                                                           stype: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.speaker_type) for x in c.claims] == [(name, stype)]
    assert c.facts == []


def test_a_bare_agency_before_a_name_is_no_news_agency() -> None:
    assert canonical_outlet("The agency, FEMA") is None
    assert canonical_outlet("the agency Xinhua") == "Xinhua"


def test_a_participle_after_a_trailing_frame_is_the_frames_speakers() -> None:
    # the parse hangs "adding" on "flew": was a claim of "The missile"
    art, c = cands("The missile flew about 600 km before landing in the harbor, Japan's "
                   "defence ministry said, adding that it fell outside the zone.")
    assert {x.speaker for x in c.claims} == {"defence ministry"}


def test_he_after_an_unnamed_speaker_in_the_same_sentence_is_that_speaker() -> None:
    # was Marcus Doyle, the last person named
    art, c = cands('"Nobody told us to leave," said Marcus Doyle. A county spokesman said '
                   'harbor alerts were sent on Friday, but he acknowledged that some residents '
                   'may not have received them.')
    said = [x for x in c.claims if "acknowledged" in art.text[x.start:x.end]]
    assert [x.speaker for x in said] == ["A county spokesman"]


@pytest.mark.parametrize("text", [
    "A spokesperson for the harbor union said it had not been consulted.",
    "A county spokesman said harbor alerts were sent on Friday.",
])
def test_an_unnamed_spokesperson_is_an_anonymous_source(text: str) -> None:
    art, c = cands(text)  # was vague_attribution: "spokes" matched no whole word
    assert [q.kind for q in c.cues] == ["anonymous_source"]


def test_conceding_a_goal_is_play_not_speech() -> None:
    art, c = cands("Harbor United had conceded a goal after the 85th minute.")
    assert c.claims == []  # was a claim of "Harbor United"
    art, c = cands("The harbor master conceded that the plan had failed.")
    assert [x.speaker for x in c.claims] == ["The harbor master"]


@pytest.mark.parametrize("text", [
    "Moderate coffee drinkers were 12% less likely to develop the harbor fever.",
    "Harbor coffee drinkers were also more likely to exercise.",
])
def test_a_comparison_of_rates_is_no_prediction(text: str) -> None:
    art, c = cands(text)  # were predictions ("likely to")
    assert [q.kind for q in c.cues] == []


def test_a_quoted_name_for_something_is_a_mixed_claim() -> None:
    # 'which he called "a disgrace."' was a direct claim: the quote is all after the verb
    art, c = cands('Harbor manager Arne Holt was furious about the penalty awarded in the first '
                   'half, which he called "a disgrace."')
    assert [(x.speaker, x.kind) for x in c.claims] == [("Arne Holt", "mixed")]


def test_a_quote_before_quoted_as_saying_is_the_quoted_persons_claim() -> None:
    # was only the agency's fact: "saying" governs nothing in the parse
    art, c = cands('"The harbor tanker was stopped after a precise operation," IRNA quoted a '
                   'provincial judicial official as saying.')
    assert [(x.speaker, x.kind) for x in c.claims] == [
        ("a provincial judicial official", "direct")]
    assert [(f.outlet, f.underlying) for f in c.facts] == [
        ("IRNA", ["a provincial judicial official"])]


@pytest.mark.parametrize(("text", "name", "role"), [
    # was "A spokesman for the US Fifth Fleet," (the comma kept, the title lost)
    ('A spokesman for the US Fifth Fleet, Commander Tim Hawkins, told AFP the harbor was '
     '"being monitored."', "Tim Hawkins", "Commander, A spokesman for the US Fifth Fleet"),
    # was "A spokeswoman"
    ("A spokeswoman for the ministry, Ana Ruiz, said the harbor talks would resume.",
     "Ana Ruiz", "A spokeswoman for the ministry"),
])
def test_the_description_before_a_set_off_name_is_the_whole_role(text: str, name: str,
                                                                  role: str) -> None:
    art, c = cands(text)
    assert [(x.speaker, x.role) for x in c.claims] == [(name, role)]


def test_the_companys_website_is_the_company_the_sentence_is_about() -> None:
    # was an unnamed speaker "the company's website"
    art, c = cands("Streamflix is in talks to buy Northwind. In a filing, the company said "
                   "harbor games were a key pillar of its strategy.\n\nNorthwind, based in "
                   "Montreal, is best known for the series Crown, which has sold more than 20 "
                   "million copies, according to the company's website.")
    assert [x.speaker for x in c.claims] == ["Streamflix", "Northwind"]


def test_shouting_that_is_a_statement() -> None:
    art, c = cands("Several residents interrupted the harbor meeting. One man shouted that the "
                   "cuts would gut branch libraries.")
    assert [x.speaker for x in c.claims] == ["One man"]  # was no claim


def test_a_statement_cut_at_a_participle_starts_at_its_word() -> None:
    art, c = cands("The harbor mayor's office disputed that, saying no closures were planned.")
    spans = [art.text[x.start:x.end] for x in c.claims]
    assert spans == ["The harbor mayor's office disputed that",
                     "saying no closures were planned."]  # was ", saying ..."


def test_an_interview_goes_on_when_the_speaker_is_named_by_surname() -> None:
    # the quote's speaker is "Blanche" until full names are given back: was no channel
    art, c = cands("In an interview with Fox News on Sunday, lawyer Todd Blanche said his "
                   'client had every right to criticize the harbor court. "He is going to '
                   'speak," Blanche said.')
    assert [(x.speaker, x.channel) for x in c.claims] == [
        ("Todd Blanche", "interview with Fox News"), ("Todd Blanche", "interview with Fox News")]


def test_a_post_on_his_own_platform_is_a_social_media_post() -> None:
    art, c = cands('Former President Donald Trump lashed out at the harbor judge, calling him '
                   '"corrupt" in a post on his Truth Social platform.')
    assert [x.channel for x in c.claims] == ["social media post"]  # was none


def test_denying_a_request_is_a_decision_not_a_statement_or_a_conflict() -> None:
    art, c = cands("The harbor judge denied the motion to delay the trial.")
    assert (c.claims, c.cues) == ([], [])  # was a claim of "The harbor judge" and a conflict
    art, c = cands("The harbor ministry denied the report.")
    assert [q.kind for q in c.cues] == ["conflict"]


def test_who_is_included_among_the_speakers_is_not_their_name() -> None:
    art, c = cands("Critics, including the harbor union, say the plan is unfair.")
    assert [x.speaker for x in c.claims] == ["Critics"]  # was "Critics, including the ..."


@pytest.mark.parametrize(("text", "kind"), [
    ('"It\'s over," said one harbor worker.', "anonymous_source"),  # was vague_attribution
    ("A farmer in the harbor village said the water rose overnight.", "anonymous_source"),
    ("Harbor residents say they fear the worst.", "vague_attribution"),
])
def test_one_unnamed_person_is_an_anonymous_source_and_a_group_is_vague(text: str,
                                                                        kind: str) -> None:
    art, c = cands(text)
    assert [q.kind for q in c.cues] == [kind]


def test_declining_one_thing_but_saying_another_is_a_statement() -> None:
    # "said" was read as withheld with "declined to confirm": no claim
    art, c = cands("A spokesman for the governor declined to confirm the harbor report but said "
                   'the governor was "monitoring the situation closely."')
    assert [(x.speaker, x.kind) for x in c.claims] == [("A spokesman for the governor", "mixed")]
    art, c = cands("The harbor ministry declined to comment or to say when the port would reopen.")
    assert c.claims == []


def test_a_quote_two_speakers_give_together_is_a_direct_claim_of_each() -> None:
    # the second speaker had an indirect claim whose span began inside the quote
    art, c = cands('"We are done with the harbor," Ana Ruiz and Tom Price said.')
    assert [(x.speaker, x.kind, art.text[x.start:x.end]) for x in c.claims] == [
        ("Ana Ruiz", "direct", '"We are done with the harbor,"'),
        ("Tom Price", "direct", '"We are done with the harbor,"')]


def test_a_second_speaker_joined_to_the_first_ones_description_speaks_too() -> None:
    # the parse joins Newstead to Clegg's appositive: was Clegg's alone, with no role
    art, c = cands('"This harbor decision is flawed," Nick Clegg, Meta\'s president of global '
                   "affairs, and Jennifer Newstead, its chief legal officer, said in a blog post.")
    assert [(x.speaker, x.role, x.kind, x.channel) for x in c.claims] == [
        ("Nick Clegg", "Meta's president of global affairs", "direct", "blog post"),
        ("Jennifer Newstead", "its chief legal officer", "direct", "blog post")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Four nurses spoke to the Harbor Courier. Two of them said they had raised concerns.",
     "Two of them"),
    ("One of the harbor nurses said she had quit.", "One of the harbor nurses"),
])
def test_some_number_of_a_group_can_speak(text: str, speaker: str) -> None:
    art, c = cands(text)  # a number was never a speaker: no claim
    assert [x.speaker for x in c.claims] == [speaker]


def test_all_before_a_name_in_was_all_x_would_say_is_not_the_name() -> None:
    art, c = cands('"Not yet," was all Ruiz would say about the harbor deal.')
    assert [x.speaker for x in c.claims] == ["Ruiz"]  # was "all Ruiz"


def test_issuing_a_statement_saying_is_the_statement_channel() -> None:
    art, c = cands("The harbor ministry issued a statement saying the port would reopen.")
    assert [x.channel for x in c.claims] == ["statement"]  # was none


def test_a_trailing_frame_reports_the_with_clause_before_it() -> None:
    # the parse gives "said" two subjects: the speaker was "Harbor talks ..." and the
    # with-clause a claim of "each side"
    art, c = cands("Harbor talks stalled on Friday, with each side accusing the other of bad "
                   "faith, diplomats said.")
    assert [(x.speaker, art.text[x.start:x.end]) for x in c.claims] == [
        ("diplomats", art.text[:art.text.index("said.") + 5])]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("According to the harbor's finance director, Miguel Santos, the port relies on federal "
     "funds.", "Miguel Santos", "the harbor's finance director"),
    ("According to the company's chief executive, Jane Moore, harbor fees fell 10 percent.",
     "Jane Moore", "the company's chief executive"),
    ("According to a harbor police spokesman, Sgt. Tom Reyes, the suspect fled on foot.",
     "Tom Reyes", "Sgt., a harbor police spokesman"),
])
def test_a_name_set_off_after_a_description_in_according_to(text: str, name: str,
                                                               role: str) -> None:
    art, c = cands(text)  # was the unnamed description, no role, or "Sgt"
    assert [(x.speaker, x.speaker_type, x.role) for x in c.claims] == [(name, "person", role)]


@pytest.mark.parametrize(("text", "channel"), [
    ("The police chief told a press briefing that three harbor suspects had been arrested.",
     "briefing"),
    ("The governor told a rally in the harbor town that jobs would return.", "rally"),
])
def test_telling_an_occasion_is_its_channel(text: str, channel: str) -> None:
    art, c = cands(text)  # was no channel
    assert [x.channel for x in c.claims] == [channel]


def test_whom_an_outlet_cites_in_the_next_sentence_are_its_reports_sources() -> None:
    art, c = cands("The Harbor Times reported on Sunday that the ferry line had hidden "
                   "maintenance lapses. The newspaper cited internal documents and three "
                   "former mechanics.")
    assert [(f.outlet, f.underlying) for f in c.facts] == [
        ("Harbor Times", ["internal documents", "three former mechanics"])]  # was no sources
    art, c = cands("The Harbor Times reported on Sunday that the ferry line had hidden "
                   "maintenance lapses. Ferry officials cited internal documents.")
    assert [f.underlying for f in c.facts] == [[]]  # not the outlet citing
    art, c = cands("The Harbor Times reported on Sunday that the ferry line had hidden "
                   "maintenance lapses. It cited two former captains.")
    assert [f.underlying for f in c.facts] == [["two former captains"]]
