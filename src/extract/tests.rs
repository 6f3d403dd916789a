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
        MentionKind::Theme { concept, .. } => {
            format!("Theme: {}", kb.taxonomy.concepts[*concept].label)
        }
    }
}

/// Runs every case of a table (name, text, what `f` must give) and reports all that fail.
fn check_table(cases: &[(&str, &str, &[&str])], f: impl Fn(&str) -> Vec<String>) {
    let mut failures = Vec::new();
    for (name, text, want) in cases {
        let got = f(text);
        if got != *want {
            failures.push(format!("case {name:?}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
        ("speech verb", "Gordon Brown said the economy was strong.", &["Person: Gordon Brown []", "Theme: economy"]),
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
            // `trade` said once in passing is no theme.
            &["Organization: Apa.az"],
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
            &["Human Rights Watch = org/human-rights-watch", "Theme: human rights"],
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
            &["Venezuelan ~ country/venezuela", "Organization: PDVSA"],
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
    check_table(cases, run);
}

#[test]
fn headings_and_tables_get_no_capitalization_rules() {
    let got = run("Foreign Minister Engages in Strategic Dialogue\n\nFocus Area | Priority Actions |\n---|---|\nCounterterrorism | Expand intelligence sharing |\n");
    assert_eq!(got, ["Theme: terrorism", "Theme: Information sharing"]);
}

#[test]
fn dateline_place_and_agency() {
    let got = run("LONDON (Reuters) - Shares in Ganja Holdings fell.");
    assert_eq!(got, ["LONDON = place/london", "Reuters = org/reuters", "Organization: Ganja Holdings"]);
}

/// The article themes of `text`: labels, sorted.
fn themes_of(text: &str) -> Vec<String> {
    let kb = KnowledgeBase::builtin().unwrap();
    let doc = Document::from_text("d", "t", text);
    let a = AnalyzedDoc::new(&doc);
    let mut got: Vec<String> = extract_with(&a, &kb, None)
        .iter()
        .filter_map(|m| match m.kind {
            MentionKind::Theme { concept, .. } => Some(kb.taxonomy.concepts[concept].label.to_lowercase()),
            _ => None,
        })
        .collect();
    got.sort();
    got.dedup();
    got
}

#[test]
fn themes_of_real_sentences_by_family() {
    let cases: &[(&str, &str, &[&str])] = &[
        // diplomacy and peace
        (
            "peace",
            "Armenia and Azerbaijan said they were close to a peace agreement after talks on border delimitation.",
            &["border disputes", "peace agreement"],
        ),
        ("peace talks", "The two sides will resume peace talks in Geneva next week.", &["peace talks"]),
        ("diplomacy", "The minister praised the diplomatic efforts of both governments.", &["diplomacy"]),
        ("treaty", "The two countries signed a memorandum of understanding on energy.", &["treaty"]),
        // conflict
        ("ceasefire", "A ceasefire came into force at midnight along the front line.", &["armed conflict"]),
        ("prisoners", "The deal includes a prisoner exchange between the two armies.", &["prisoners of war"]),
        ("civil war", "Millions have fled the civil war since 2011.", &["civil war"]),
        // security
        ("terrorism", "Police arrested three terror suspects after the terrorist attack.", &["terrorism"]),
        ("arms", "Inspectors will check the country's nuclear weapons sites.", &["arms control"]),
        ("nuclear", "Talks on uranium enrichment broke down on Friday.", &["nuclear policy"]),
        // economy and trade
        (
            "trade",
            "Exports of steel fell as new tariffs took effect, and tariffs on cars will follow.",
            &["exports", "tariff"],
        ),
        ("sanctions", "The EU agreed to lift economic sanctions on the country.", &["economic sanction"]),
        ("merger", "Shareholders approved the merger of the two banks on Tuesday.", &["merger or acquisition"]),
        // energy and climate
        ("climate", "Delegates at the summit debated how to slow climate change.", &["climate change"]),
        ("energy", "The country wants more wind power and solar power by 2030.", &["solar power", "wind power"]),
        // human rights and justice
        ("rights", "Campaigners accused the government of human rights abuses.", &["human rights"]),
        ("corruption", "The former mayor was charged with corruption and bribery.", &["corruption"]),
        // migration
        ("migration", "Thousands of asylum seekers reached the islands this summer.", &["immigration"]),
        (
            "refugees",
            "Aid agencies warned of disease in the refugee camps.",
            &["refugees and internally displaced people"],
        ),
        // health
        ("health", "Officials said the outbreak of bird flu was under control.", &["epidemic and pandemic"]),
        // science and technology
        ("software", "The company sells computer software to schools.", &["software and applications"]),
        ("ai", "Investment in artificial intelligence doubled last year.", &["artificial intelligence"]),
        // sport
        (
            "doping",
            "The sprinter missed three drugs tests and faces a doping ban.",
            &["athletics", "drug use in sport"],
        ),
        ("football", "The footballer scored twice as league football resumed.", &["soccer"]),
        // generic words in passing: no theme
        ("peace in passing", "He said peace was the goal and left for the airport.", &[]),
        ("security in passing", "Security was tight as the president arrived.", &[]),
        ("trade in passing", "She worked in the trade for twenty years before retiring.", &[]),
        ("party", "Both parties agreed to meet again in the spring.", &[]),
        ("court sense", "The tennis court was flooded.", &[]),
        ("game sense", "It was a game of two halves.", &[]),
        ("no theme", "The minister arrived in Paris on Monday and met his counterpart.", &[]),
        // a generic word said twice is a theme
        ("security twice", "Security was the first topic. Security forces were deployed at the border.", &["security"]),
    ];
    check_table(cases, themes_of);
}

#[test]
fn a_finer_iptc_topic_is_evidence_for_the_wider_one_the_article_names() {
    // `primary education` lies beneath `education`: one theme for both; our own finer themes
    // (the Middle Corridor, beneath connectivity) stay themes of their own.
    assert_eq!(
        themes_of("Free primary education was the first step. Education is now a priority of education."),
        ["education"]
    );
    assert_eq!(themes_of("Regional connectivity grew along the Middle Corridor."), ["connectivity", "middle corridor"]);
}
