//! Table-driven cases for the extraction rules, on real news sentences.

use super::*;
use crate::model::Document;

fn describe(kb: &KnowledgeBase, doc: &Document, m: &Mention) -> String {
    let text = &doc.text[m.span.start..m.span.end];
    match &m.kind {
        MentionKind::Known { entry } => format!("{} = {}", text, kb.entries[*entry].key),
        MentionKind::Demonym { country } => format!("{} ~ {}", text, kb.entries[*country].key),
        MentionKind::Named { etype, name, .. } => format!("{}: {}", etype.as_str(), name),
        MentionKind::Person { name, title, modifier, role, .. } => format!(
            "Person: {} [{}]{}{}",
            name.as_deref().unwrap_or("-"),
            title.map(|t| kb.titles[t].canonical.as_str()).unwrap_or(""),
            modifier.as_deref().map(|m| format!(" ({m})")).unwrap_or_default(),
            role.as_deref().map(|r| format!(" {{{r}}}")).unwrap_or_default()
        ),
        MentionKind::Theme { concept } => {
            format!("Theme: {}", kb.taxonomy.concepts[*concept].label)
        }
    }
}

fn run(text: &str) -> Vec<String> {
    let kb = KnowledgeBase::builtin().unwrap();
    let doc = Document::from_text("d", "t", text);
    let a = AnalyzedDoc::new(&doc);
    let model = crate::ner::NerModel::builtin().unwrap();
    extract_with(&a, &kb, Some(&model)).iter().map(|m| describe(&kb, &doc, m)).collect()
}

#[test]
fn cases() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "title before a full name with an initial",
            "Secretary of State Antony J. Blinken arrived.",
            &["Person: Antony J. Blinken [Secretary of State]"],
        ),
        (
            "possessive country qualifies title and name",
            "Azerbaijan’s President Ilham Aliyev spoke.",
            &["Azerbaijan = country/azerbaijan", "Person: Ilham Aliyev [President]"],
        ),
        (
            "role-only person with possessive qualifier",
            "Azerbaijan’s Foreign Minister met him.",
            &["Person: - [Foreign Minister]", "Azerbaijan = country/azerbaijan"],
        ),
        (
            "role-only with modifier and body",
            "He spoke with a senior U.S. State Department official yesterday.",
            &["Person: - [Official] (senior)", "U.S. State Department = org/state-department"],
        ),
        (
            "of-qualifier after the name",
            "President Ilham Aliyev of Azerbaijan agreed.",
            &["Person: Ilham Aliyev [President]", "Azerbaijan = country/azerbaijan"],
        ),
        ("honorific", "Mr Blair said no.", &["Person: Blair []"]),
        ("speech verb", "Gordon Brown said the economy was strong.", &["Person: Gordon Brown []", "Theme: Economy"]),
        ("unqualified plural role is nothing", "The officials highlighted several areas.", &[]),
        ("league is not a person", "The Premier League season opened.", &["Organization: Premier League"]),
        ("cop pattern", "hosting COP29 in Baku", &["Event: COP29", "Baku = place/baku"]),
        ("org by head noun", "The Azerbaijan Airlines flight landed.", &["Organization: Azerbaijan Airlines"]),
        (
            "ministry qualified by demonym",
            "The Azerbaijani Foreign Ministry said.",
            &["Azerbaijani ~ country/azerbaijan", "Organization: Foreign Ministry"],
        ),
        (
            "ministry of",
            "The Ministry of Foreign Affairs of Azerbaijan said.",
            &["Organization: Ministry of Foreign Affairs", "Azerbaijan = country/azerbaijan"],
        ),
        (
            "place by country context",
            "They met in Gabala, Azerbaijan.",
            &["Place: Gabala", "Azerbaijan = country/azerbaijan"],
        ),
        (
            "summit after a city",
            "They met at the Brussels summit on Friday.",
            &["Event: Brussels summit", "Brussels = place/brussels"],
        ),
        (
            "domain outlet",
            "The talks, highlighted by Apa.az, focused on trade.",
            &["Organization: Apa.az", "Theme: Trade"],
        ),
        ("country name inside a person's name", "Michael Jordan said he would play.", &["Person: Michael Jordan []"]),
        (
            "surname later",
            "Mr. Antony Blinken arrived. Blinken's request was met.",
            &["Person: Antony Blinken []", "Person: Blinken []"],
        ),
        (
            "theme inside an org name is the org",
            "Human Rights Watch criticised human rights abuses.",
            &["Human Rights Watch = org/human-rights-watch", "Theme: Human rights"],
        ),
        (
            "portfolio before the title",
            "It was announced by the Trade and Industry Secretary Patricia Hewitt.",
            &["Person: Patricia Hewitt [Secretary] {Trade and Industry Secretary}"],
        ),
        (
            "portfolio after the title, name in apposition",
            "The Shadow Secretary of State for the Family, Theresa May, said no.",
            &["Person: Theresa May [Secretary of State] {Shadow Secretary of State for the Family}"],
        ),
        (
            "region in the portfolio, possessive country qualifies",
            "Britain's Europe Director Dominick Chilcott will represent the UK.",
            &[
                "Britain = country/united-kingdom",
                "Person: Dominick Chilcott [Director] {Europe Director}",
                "Europe = place/europe",
                "UK = country/united-kingdom",
            ],
        ),
        (
            "lowercase role with a complement, then the name",
            "Madrid is represented by Spain's director general for Europe, Jose Maria Pons.",
            &[
                "Madrid = place/madrid",
                "Spain = country/spain",
                "Person: Jose Maria Pons [Director] {director general for Europe}",
                "Europe = place/europe",
            ],
        ),
        (
            "possessive place qualifies a role",
            "Gibraltar's Chief Minister Peter Caruana will attend.",
            &["Gibraltar = place/gibraltar", "Person: Peter Caruana [Chief Minister]"],
        ),
        (
            "demonym qualifies a counterpart",
            "Mr Straw met his Spanish counterpart Miguel Moratinos.",
            &["Person: Straw []", "Spanish ~ country/spain", "Person: Miguel Moratinos [Counterpart]"],
        ),
        (
            "month name inside a person's name",
            "Theresa May said: \"These plans were announced.\"",
            &["Person: Theresa May []"],
        ),
        ("occupation before a name", "It was said by singer Bob Geldof.", &["Person: Bob Geldof [Singer]"]),
        (
            "what is visited is a place",
            "Jack Straw will visit Auschwitz for the anniversary.",
            &["Person: Jack Straw []", "Place: Auschwitz"],
        ),
        (
            "place head noun",
            "A service in Westminster Hall, London.",
            &["Place: Westminster Hall", "London = place/london"],
        ),
        ("theme word inside a proper name", "Europe was rebuilt after World War Two.", &["Europe = place/europe"]),
        (
            "descriptor before a name",
            "A deal between Venezuelan energy firm PDVSA and others.",
            &["Venezuelan ~ country/venezuela", "Theme: Energy", "Organization: PDVSA"],
        ),
        ("media noun after a name", "The files were given to the Mirror newspaper.", &["Organization: Mirror"]),
        (
            "particle and hyphen in a name",
            "Labour Minister Ghazi al-Gosaibi said so.",
            &["Person: Ghazi al-Gosaibi [Labour Minister]"],
        ),
        (
            "acronym defined in parentheses",
            "The Transport and General Workers Union (TGWU) may merge. The TGWU has 800,000 members.",
            &[
                "Organization: Transport and General Workers Union",
                "Organization: Transport and General Workers Union",
                "Organization: Transport and General Workers Union",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, want) in cases {
        let got = run(text);
        if got != *want {
            failures.push(format!("case {name:?}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn headings_and_tables_get_no_capitalization_rules() {
    let got = run("Foreign Minister Engages in Strategic Dialogue\n\nFocus Area | Priority Actions |\n---|---|\nCounterterrorism | Expand intelligence sharing |\n");
    assert_eq!(got, ["Theme: Counterterrorism", "Theme: Information sharing"]);
}

#[test]
fn dateline_place_and_agency() {
    let got = run("LONDON (Reuters) - Shares in Ganja Holdings fell.");
    assert_eq!(got, ["LONDON = place/london", "Reuters = org/reuters", "Organization: Ganja Holdings"]);
}
