//! The graph's fixed vocabulary: entity types and relation types (documented in the README).

use serde::Serialize;

/// The kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub enum EntityType {
    /// A named or role-identified person (`Antony J. Blinken`, `Azerbaijan's Foreign Minister`).
    Person,
    /// A ministry, agency, body, party, company or news outlet.
    Organization,
    /// A sovereign state.
    Country,
    /// A city, region or other place that is not a country.
    Place,
    /// A meeting, talks, summit or named event (`COP29`).
    Event,
    /// A subject an article is about, from the theme taxonomy (SKOS concept).
    Theme,
}

impl EntityType {
    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Place,
        EntityType::Event,
        EntityType::Theme,
    ];

    /// The name used in JSON and in ids (`Person`, ...).
    ///
    /// ```
    /// assert_eq!(newsgraph::EntityType::Country.as_str(), "Country");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Country => "Country",
            EntityType::Place => "Place",
            EntityType::Event => "Event",
            EntityType::Theme => "Theme",
        }
    }

    /// The type of a name as [`EntityType::as_str`] writes it.
    ///
    /// ```
    /// use newsgraph::EntityType;
    /// assert_eq!(EntityType::parse("Country"), Some(EntityType::Country));
    /// assert_eq!(EntityType::parse("Planet"), None);
    /// ```
    pub fn parse(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The lowercase prefix of ids of this type (`person`, `org`, ...).
    pub fn id_prefix(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "org",
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::Event => "event",
            EntityType::Theme => "theme",
        }
    }
}

/// The kind of link between two entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub enum RelationType {
    /// A person works for or represents a country or organization.
    AffiliatedWith,
    /// An organization belongs to a country or larger organization.
    PartOf,
    /// A place lies in a country or region.
    LocatedIn,
    /// An event's participant (person, organization or country).
    Participant,
    /// Where an event takes place.
    Location,
    /// Who hosts an event.
    Host,
    /// What an event is about (a theme or another event).
    Topic,
    /// A party to an agreement.
    Party,
    /// An actor backs an event, theme or actor.
    Supports,
    /// Two people met (symmetric; written once, source before target in id order).
    MetWith,
    /// An event was reported by a news organization.
    ReportedBy,
}

impl RelationType {
    /// Every type, in a fixed order.
    pub const ALL: [RelationType; 11] = [
        RelationType::AffiliatedWith,
        RelationType::PartOf,
        RelationType::LocatedIn,
        RelationType::Participant,
        RelationType::Location,
        RelationType::Host,
        RelationType::Topic,
        RelationType::Party,
        RelationType::Supports,
        RelationType::MetWith,
        RelationType::ReportedBy,
    ];

    /// The name used in JSON and DOT (`affiliated_with`, ...).
    ///
    /// ```
    /// assert_eq!(newsgraph::RelationType::MetWith.as_str(), "met_with");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::AffiliatedWith => "affiliated_with",
            RelationType::PartOf => "part_of",
            RelationType::LocatedIn => "located_in",
            RelationType::Participant => "participant",
            RelationType::Location => "location",
            RelationType::Host => "host",
            RelationType::Topic => "topic",
            RelationType::Party => "party",
            RelationType::Supports => "supports",
            RelationType::MetWith => "met_with",
            RelationType::ReportedBy => "reported_by",
        }
    }

    /// The type of a name as [`RelationType::as_str`] writes it.
    ///
    /// ```
    /// use newsgraph::RelationType;
    /// assert_eq!(RelationType::parse("met_with"), Some(RelationType::MetWith));
    /// ```
    pub fn parse(name: &str) -> Option<RelationType> {
        RelationType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Whether `a r b` implies `b r a`.
    pub fn is_symmetric(self) -> bool {
        self == RelationType::MetWith
    }
}
