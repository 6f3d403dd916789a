//! Entities beyond politics: names, types and coreference on general news, one table of real
//! sentence shapes (science, sport, culture, local politics in Asia) with what the graph must
//! hold and what it must not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph::{build, model::Document, Config, KnowledgeGraph};

/// One case: articles (each a separate document of one build), entities that must be in the graph
/// as `Type: label`, labels that must not be entities, and relations `source-label type
/// target-label` that must hold. (A place is linked to its country only when the articles name
/// the country: the graph holds what the articles say.)
struct Case {
    name: &'static str,
    articles: &'static [&'static str],
    present: &'static [&'static str],
    absent: &'static [&'static str],
    relations: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "hyphenated Korean given name after a title",
        articles: &["South Korean President Moon Jae-in arrived in Tokyo on Monday."],
        present: &["Person: Moon Jae-in"],
        absent: &["Moon Jae"],
        relations: &[],
    },
    Case {
        name: "hyphenated given name after a possessive country",
        articles: &["Taiwan's President Tsai Ing-wen spoke to reporters in Taipei."],
        present: &["Person: Tsai Ing-wen"],
        absent: &["Tsai Ing"],
        relations: &[],
    },
    Case {
        name: "hyphenated first name opening a sentence",
        articles: &["Jean-Claude Juncker said on Monday that the talks would go on."],
        present: &["Person: Jean-Claude Juncker"],
        absent: &["Claude Juncker"],
        relations: &[],
    },
    Case {
        name: "role noun before a hyphenated name",
        articles: &["Former UN chief Ban Ki-moon visited the camp on Friday."],
        present: &["Person: Ban Ki-moon"],
        absent: &["Ban Ki"],
        relations: &[],
    },
    Case {
        name: "groups of people are no places or bodies",
        articles: &["Kurds and Christians marched through Erbil on Sunday, and Uyghurs rallied in Istanbul."],
        present: &["Place: Erbil", "Place: Istanbul"],
        absent: &["Kurds", "Christians", "Uyghurs"],
        relations: &[],
    },
    Case {
        name: "facilities and sites are places",
        articles: &["The patients were moved to Royal Victoria Hospital. The statue went to the Ashmolean Museum."],
        present: &["Place: Royal Victoria Hospital", "Place: Ashmolean Museum"],
        absent: &["Royal Victoria", "Ashmolean"],
        relations: &[],
    },
    Case {
        name: "a hyphenated compound modifier is no longer name",
        articles: &["The Blair-led government and a Paris-based charity disagreed on Monday."],
        present: &["Place: Paris"],
        absent: &["Blair-led", "Paris-based", "Blair"],
        relations: &[],
    },
    Case {
        name: "an acronym before a title is no part of the role; an occupation can be a surname",
        articles: &["ESPN President John Skipper said the network would bid."],
        present: &["Person: John Skipper"],
        absent: &["ESPN President John Skipper", "John"],
        relations: &[],
    },
    Case {
        name: "a dash inside an organization's name",
        articles: &["The Bosnia–Herzegovina Football Federation fined the club on Tuesday."],
        present: &["Organization: Bosnia–Herzegovina Football Federation"],
        absent: &["Herzegovina Football Federation"],
        relations: &[],
    },
    Case {
        name: "two charities with function words in their names",
        articles: &["Save the Children and Doctors Without Borders sent teams to the region."],
        present: &["Organization: Save the Children", "Organization: Doctors Without Borders"],
        absent: &["Children and Doctors Without Borders", "Without Borders", "Save", "Children and Doctors"],
        relations: &[],
    },
    Case {
        name: "a long name with for, the and of",
        articles: &["The National Association for the Advancement of Colored People filed a lawsuit."],
        present: &["Organization: National Association for the Advancement of Colored People"],
        absent: &["National Association", "Advancement of Colored People"],
        relations: &[],
    },
    Case {
        name: "an ampersand and an and in names",
        articles: &[
            "The Bill & Melinda Gates Foundation gave the grant. The Smithsonian National Air and Space Museum will show it.",
        ],
        present: &[
            "Organization: Bill & Melinda Gates Foundation",
            "Place: Smithsonian National Air and Space Museum",
        ],
        absent: &["Melinda Gates Foundation", "Space Museum", "Bill"],
        relations: &[],
    },
    Case {
        name: "a title, the full name and the surname are one person",
        articles: &[
            "NASA Administrator Bill Nelson announced the mission. Administrator Nelson said the agency was ready. Nelson added that the launch would be in May.",
        ],
        present: &["Person: Bill Nelson", "Organization: NASA"],
        absent: &["Administrator Nelson", "Nelson"],
        relations: &["Bill Nelson affiliated_with NASA"],
    },
    Case {
        name: "an instrument and a people are no organizations or places",
        articles: &["The Hubble Space Telescope took the image. Fans queued in London. Uyghurs in Xinjiang protested."],
        present: &["Place: London"],
        absent: &["Hubble Space Telescope", "Uyghurs"],
        relations: &[],
    },
    Case {
        name: "Washington, D.C. is one place",
        articles: &["The US senator flew to Washington, D.C. on Friday."],
        present: &["Place: Washington, D.C."],
        absent: &["D.C."],
        relations: &["Washington, D.C. located_in United States"],
    },
    Case {
        name: "city, state pairs: the city in its state, the state in its country",
        articles: &[
            "The US company moved from Palo Alto, California, to Austin, Texas. Its rival is based in Tampa, Florida.",
        ],
        present: &["Place: Palo Alto", "Place: California", "Place: Austin", "Place: Texas", "Place: Tampa", "Place: Florida"],
        absent: &[],
        relations: &[
            "Palo Alto located_in California",
            "California located_in United States",
            "Austin located_in Texas",
            "Texas located_in United States",
            "Tampa located_in Florida",
        ],
    },
    Case {
        name: "a city in a Canadian province and an Australian state",
        articles: &["The band toured Canada, playing in Calgary, Alberta, and then Australia, ending in Geelong."],
        present: &["Place: Calgary", "Place: Alberta", "Place: Geelong"],
        absent: &[],
        relations: &["Alberta located_in Canada", "Calgary located_in Alberta"],
    },
    Case {
        name: "a spelling slip and a surname name one person",
        articles: &[
            "Katherine Jones, the head teacher, said the school would reopen. Catherine Jones added that parents had been told. Jones said the inspectors were satisfied.",
        ],
        present: &["Person: Katherine Jones"],
        absent: &["Catherine Jones", "Jones"],
        relations: &[],
    },
    Case {
        name: "the North and the South in an article about Korea",
        articles: &[
            "North Korea fired a missile on Sunday, South Korea said. The North has tested several weapons this year, and the South has raised its alert level.",
        ],
        present: &["Country: North Korea", "Country: South Korea"],
        absent: &["North", "South"],
        relations: &[],
    },
    Case {
        name: "a club's short name and an actress's surname are the club and the actress",
        articles: &["Real Betis beat Valencia 2-1 in Seville on Sunday. Betis scored twice. Hilary Swank watched the game, and Swank said she loved it."],
        present: &["Organization: Real Betis", "Person: Hilary Swank"],
        absent: &["Betis", "Swank"],
        relations: &[],
    },
    Case {
        name: "two people sharing a surname in two articles stay two",
        articles: &[
            "The singer Tom Jones played in Cardiff on Saturday. Jones said it was his last tour.",
            "Nurse Katherine Jones treated the patients in Leeds. Jones said the ward was full.",
        ],
        present: &["Person: Tom Jones", "Person: Katherine Jones"],
        absent: &["Jones"],
        relations: &[],
    },
];

fn describe(g: &KnowledgeGraph, id: &str) -> String {
    g.entity(id).map_or_else(|| id.to_string(), |e| e.label.clone())
}

fn check(config: &Config, case: &Case) -> Vec<String> {
    let docs: Vec<Document> = case
        .articles
        .iter()
        .enumerate()
        .map(|(k, text)| {
            Document::from_text(&format!("case-{k}"), &format!("case-{k}.txt"), &format!("Title\n\n{text}"))
        })
        .collect();
    let g = build(docs, config);
    let entities: Vec<String> = g.entities().map(|e| format!("{}: {}", e.etype.as_str(), e.label)).collect();
    let relations: Vec<String> = g
        .relations()
        .map(|r| {
            format!("{} {} {}", describe(&g, r.source.as_str()), r.rtype.as_str(), describe(&g, r.target.as_str()))
        })
        .collect();
    let mut failures = Vec::new();
    for want in case.present {
        if !entities.iter().any(|e| e == want) {
            failures.push(format!("missing {want}"));
        }
    }
    for label in case.absent {
        if let Some(e) = entities.iter().find(|e| e.split_once(": ").is_some_and(|(_, l)| l == *label)) {
            failures.push(format!("unwanted {e}"));
        }
    }
    for want in case.relations {
        if !relations.iter().any(|r| r == want) {
            failures.push(format!("missing relation {want}"));
        }
    }
    if failures.is_empty() {
        return failures;
    }
    vec![format!("{}: {}\n    entities: {entities:?}\n    relations: {relations:?}", case.name, failures.join("; "))]
}

#[test]
fn general_news_entities() {
    let mut config = Config::builtin().unwrap();
    config.threads = 1;
    let failures: Vec<String> = CASES.iter().flat_map(|case| check(&config, case)).collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
