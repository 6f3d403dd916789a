//! Table-driven cases for the relation rules, on real news sentences, through the whole pipeline.

use crate::model::Document;
use crate::{build, Config};

/// Every relation of the graph of `text`, as `source -type-> target` by labels.
fn relations(text: &str) -> Vec<String> {
    let g = build(vec![Document::from_text("d", "t", text)], &Config::builtin().unwrap());
    let label = |id: &str| g.entity(id).map(|e| e.label.clone()).unwrap_or_default();
    g.relations()
        .map(|r| format!("{} -{}-> {}", label(r.source.as_str()), r.rtype.as_str(), label(r.target.as_str())))
        .collect()
}

/// (name, text, relations that must be there, relations that must not)
type Case<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a str]);

#[test]
fn cases() {
    let cases: &[Case] = &[
        (
            "a story's own agreement, with its parties; a deal with no party is none",
            "Mitsubishi Motors signed a production agreement with Nissan Motor. Analysts said the deal was good.",
            &["Production agreement -party-> Nissan Motor", "Signing of Mitsubishi Motors and Nissan Motor -participant-> Nissan Motor"],
            &["Deal -party-> Nissan Motor"],
        ),
        (
            "relative date against the document date",
            "date 2024-02-19 President Emmanuel Macron met Prime Minister Rishi Sunak on Friday in Paris.",
            &["Meeting of Emmanuel Macron and Rishi Sunak in Paris (2024-02-16) -location-> Paris"],
            &[],
        ),
        (
            "a visit needs one person and a place",
            "Chancellor Gordon Brown has visited Kenya's biggest shantytown. The trip follows claims of infighting between Mr Brown and Tony Blair.",
            &["Visit of Gordon Brown in Kenya -participant-> Gordon Brown", "Visit of Gordon Brown in Kenya -location-> Kenya"],
            &["Visit of Gordon Brown in Kenya -participant-> Tony Blair", "Gordon Brown -met_with-> Tony Blair"],
        ),
        (
            "apposition: role at an organization",
            "\"It is patchy,\" said Paul Sheard, economist at Lehman Brothers in Tokyo.",
            &["Paul Sheard -affiliated_with-> Lehman Brothers"],
            &[],
        ),
        (
            "the article's country",
            "Japan's economy shrank. Japan's exports fell. \"We will monitor developments,\" said economy minister Heizo Takenaka.",
            &["Heizo Takenaka -affiliated_with-> Japan"],
            &[],
        ),
        (
            "a shadow minister does not serve the state",
            "Britain will attend. Britain will send a delegation. Shadow Foreign Secretary Michael Ancram said it was shameful.",
            &[],
            &["Michael Ancram -affiliated_with-> United Kingdom"],
        ),
        ("a place in a place", "July's G8 summit in Gleneagles in Perthshire will use the report.", &["Gleneagles -located_in-> Perthshire"], &[]),
        (
            "parties to an agreement",
            "Aliyev expressed Azerbaijan's dedication to a peace agreement between Azerbaijan and Armenia.",
            &["Peace agreement -party-> Azerbaijan", "Peace agreement -party-> Armenia"],
            &[],
        ),
        (
            "host and location of a named event",
            "They discussed Azerbaijan's pivotal role in hosting COP29 in Baku.",
            &["COP29 -host-> Azerbaijan", "COP29 -location-> Baku"],
            &[],
        ),
        ("support for", "The secretary reiterated America's support for Azerbaijan's leadership.", &["United States -supports-> Azerbaijan"], &[]),
        (
            "reported by an outlet",
            "Azerbaijan's Foreign Minister held talks with a senior U.S. State Department official. The talks, highlighted by Apa.az, focused on security. Azerbaijan and the United States welcomed it.",
            &[
                "Talks of Azerbaijan's Foreign Minister and senior U.S. State Department official -reported_by-> Apa.az",
                "senior U.S. State Department official -affiliated_with-> State Department",
                "State Department -part_of-> United States",
            ],
            &[],
        ),
        (
            "a city's country, only when the corpus names it",
            "Mr Brown chaired a meeting of the Commission for Africa in Cape Town. Gordon Brown then flew to Ghana.",
            &[],
            &["Cape Town -located_in-> South Africa"],
        ),
        ("place, comma, city", "A service will be held in Westminster Hall, London.", &["Westminster Hall -located_in-> London"], &[]),
        (
            "an official name of the country before the name; a counterpart; a host",
            "Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov met with his Armenian counterpart Ararat Mirzoyan in Almaty. The meeting, hosted by Kazakhstan's Foreign Minister Murat Nurtleu, focused on the draft peace treaty.",
            &[
                "Jeyhun Bayramov -affiliated_with-> Azerbaijan",
                "Ararat Mirzoyan -affiliated_with-> Armenia",
                "Ararat Mirzoyan -met_with-> Jeyhun Bayramov",
                "Meeting of Jeyhun Bayramov and Ararat Mirzoyan in Almaty -host-> Murat Nurtleu",
                "Meeting of Jeyhun Bayramov and Ararat Mirzoyan in Almaty -topic-> Peace agreement",
                "Murat Nurtleu -affiliated_with-> Kazakhstan",
            ],
            &[],
        ),
        (
            "received is a meeting",
            "President Ilham Aliyev received Kazakh President Kassym-Jomart Tokayev in Baku.",
            &["Ilham Aliyev -met_with-> Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev -affiliated_with-> Kazakhstan"],
            &[],
        ),
        (
            "a portfolio that ends in the holder's name",
            "U.S. Assistant Secretary of State for European and Eurasian Affairs James O'Brien welcomed the talks.",
            &["James O'Brien -affiliated_with-> United States"],
            &[],
        ),
        (
            "a new person at a meeting of another kind is another event; a statement's author",
            "Turkish President Recep Tayyip Erdogan held a phone call with Russian President Vladimir Putin, the Turkish Presidency said in a statement. NATO Secretary General Jens Stoltenberg will visit Ankara for talks with Foreign Minister Hakan Fidan. Fidan also met the UN special envoy for Syria, Geir Pedersen, in Geneva.",
            &[
                "Call of Recep Tayyip Erdogan and Vladimir Putin -reported_by-> Turkey's Presidency",
                "Visit of Jens Stoltenberg and Hakan Fidan in Ankara -participant-> Hakan Fidan",
                "Meeting of Hakan Fidan and Geir Pedersen in Geneva -participant-> Geir Pedersen",
                "Geir Pedersen -affiliated_with-> United Nations",
                "Jens Stoltenberg -affiliated_with-> North Atlantic Treaty Organization",
            ],
            &["Visit of Jens Stoltenberg and Hakan Fidan in Ankara -participant-> Geir Pedersen"],
        ),
        (
            "countries as participants when no person is named",
            "Azerbaijan and Armenia held talks in Almaty on the peace treaty.",
            &["Talks of Azerbaijan and Armenia in Almaty -participant-> Azerbaijan", "Talks of Azerbaijan and Armenia in Almaty -location-> Almaty"],
            &["Azerbaijan -met_with-> Armenia"],
        ),
        ("a country's company", "Chavez said that Brazil's oil company Petrobras could join.", &["Petrobras -part_of-> Brazil"], &[]),
        (
            "a role before the name it belongs to; the country nearest an unqualified office holder",
            "Files about the Pakistani president's visit to London were found. They covered Gen Pervez Musharraf's visit. A spokesman said President Musharraf's safety was not compromised. He flew from the United States, where he met President George W Bush.",
            &["Pervez Musharraf -affiliated_with-> Pakistan", "George W Bush -affiliated_with-> United States"],
            &["George W Bush -affiliated_with-> Pakistan"],
        ),
    ];
    check(cases);
}

/// Sentences whose titled names before the verb the parser misreads (`Foreign` tagged a verb in
/// `Foreign Minister Jeyhun Bayramov arrived`; `Venezuelan President Hugo Chavez signed` with no
/// subject), so the patterns miss the event: kept to measure the parser's progress on them
/// (`cargo test --lib relate::tests -- --ignored`).
#[test]
#[ignore = "the parser misreads titled names before the verb (issue 9)"]
fn cases_the_parser_misreads() {
    let cases: &[Case] = &[
        (
            "meeting with participants, place, title qualifier",
            "date 2024-02-17 Secretary of State Antony J. Blinken and Azerbaijan’s President Ilham Aliyev convened in Munich, Germany.",
            &[
                "Meeting of Antony J. Blinken and Ilham Aliyev in Munich (2024-02-17) -participant-> Antony J. Blinken",
                "Meeting of Antony J. Blinken and Ilham Aliyev in Munich (2024-02-17) -location-> Munich",
                "Antony J. Blinken -met_with-> Ilham Aliyev",
                "Ilham Aliyev -affiliated_with-> Azerbaijan",
                "Munich -located_in-> Germany",
            ],
            &[],
        ),
        (
            "an arrival is a visit; a person after the verb is not the visitor",
            "Foreign Minister Jeyhun Bayramov arrived in Berlin on Monday. He arrived in Britain after flying from the United States, where he met President George W Bush.",
            &["Visit of Jeyhun Bayramov in Berlin -participant-> Jeyhun Bayramov"],
            &["Visit of George W Bush in United Kingdom -participant-> George W Bush"],
        ),
        (
            "a signing is a meeting",
            "Argentine President Nestor Kirchner and Venezuelan President Hugo Chavez signed the deal in Buenos Aires on Tuesday.",
            &["Hugo Chavez -met_with-> Nestor Kirchner", "Nestor Kirchner -affiliated_with-> Argentina", "Buenos Aires -located_in-> Argentina"],
            &[],
        ),
    ];
    check(cases);
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (name, text, present, absent) in cases {
        let got = relations(text);
        for want in *present {
            if !got.iter().any(|g| g == want) {
                failures.push(format!("case {name:?}: missing {want:?}\n  got: {got:#?}"));
            }
        }
        for not in *absent {
            if got.iter().any(|g| g == not) {
                failures.push(format!("case {name:?}: unwanted {not:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
