//! IRIs of the vocabularies the RDF exports use (schema.org, SKOS, PROV-O) and of our own terms.

/// schema.org.
pub mod schema {
    /// Namespace.
    pub const NS: &str = "http://schema.org/";
}

/// SKOS.
pub mod skos {
    /// Namespace.
    pub const NS: &str = "http://www.w3.org/2004/02/skos/core#";
}

/// PROV-O.
pub mod prov {
    /// Namespace.
    pub const NS: &str = "http://www.w3.org/ns/prov#";
}

/// RDF, RDFS and XSD.
pub mod rdf {
    /// RDF namespace.
    pub const NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// RDFS namespace.
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    /// XSD namespace.
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
}

/// newsgraph's own terms, for what the standard vocabularies lack (`metWith`, `party`, evidence).
pub mod ng {
    /// Namespace.
    pub const NS: &str = "https://newsgraph.dev/ns#";
}

/// The default base IRI of entities, documents and evidence (`--base-iri` changes it).
pub const DEFAULT_BASE_IRI: &str = "https://newsgraph.dev/id/";

use crate::model::RelationType;

/// The RDF property (full IRI) of a relation type.
///
/// ```
/// use newsgraph::{vocab::relation_property, RelationType};
/// assert_eq!(relation_property(RelationType::LocatedIn), "http://schema.org/containedInPlace");
/// ```
pub fn relation_property(r: RelationType) -> String {
    let (ns, local) = match r {
        RelationType::AffiliatedWith => (schema::NS, "affiliation"),
        RelationType::PartOf => (schema::NS, "isPartOf"),
        RelationType::LocatedIn => (schema::NS, "containedInPlace"),
        RelationType::Participant => (schema::NS, "attendee"),
        RelationType::Location => (schema::NS, "location"),
        RelationType::Host => (schema::NS, "organizer"),
        RelationType::Topic => (schema::NS, "about"),
        RelationType::Party => (ng::NS, "party"),
        RelationType::Supports => (ng::NS, "supports"),
        RelationType::MetWith => (ng::NS, "metWith"),
        RelationType::ReportedBy => (ng::NS, "reportedBy"),
    };
    format!("{ns}{local}")
}
