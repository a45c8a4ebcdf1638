//! Reading a submitted form into the input struct the API takes (`app::plan::GoalInput`, …).
//!
//! A form field is named by its path in that struct, the same path the use case names in its
//! field errors: `title`, `address.city`, `members[1].bsn`, `scores[0].score`; a repeated name
//! (`client_ids`, checkboxes) is a list. So an error lands on its field without a table of
//! renamed fields. The rules, for what a browser sends (see decision 0013):
//!
//! - an empty field is absent: `None` for an `Option` (an optional date, number or choice left
//!   empty), and the use case reports a required one as required;
//! - of a name sent more than once, a single value takes the last one: a hidden `false` before a
//!   checkbox `true` gives `false` when unchecked and `true` when checked;
//! - a number that is not a number is kept as 0, which no field accepts (ids, scores and
//!   minutes start at 1), so the use case reports it on its field instead of the page failing;
//! - a row of a list in which nothing was filled in is an unused row of the form and left out
//!   (its `…_id` fields name what the row is about and do not count as filled in); the rows
//!   kept are remembered, so the use case's `members[k]` is shown at the form's row again.

use std::collections::BTreeMap;
use std::fmt;

use buurtteam_domain::validation::FieldError;
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

/// Why a form could not be read into its input struct (a form this site does not send).
#[derive(Debug)]
pub struct FormError(String);

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormError {}

impl de::Error for FormError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

/// The submitted fields as a tree of their paths.
#[derive(Debug)]
enum Node {
    /// The values of one name, in the order sent; with more than one, each also as a leaf of
    /// its own (the elements of a list).
    Leaf(Vec<String>, Vec<Node>),
    Map(BTreeMap<String, Node>),
    /// Rows by their number in the form.
    List(BTreeMap<usize, Node>),
}

enum Step {
    Key(String),
    Index(usize),
}

/// `members[1].bsn` -> key `members`, index 1, key `bsn`.
fn steps(name: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    for part in name.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key.is_empty() {
            return None;
        }
        out.push(Step::Key(key.to_owned()));
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            out.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
            if !after.is_empty() && !after.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

fn insert(node: &mut Node, path: &[Step], value: String) -> Result<(), FormError> {
    let clash = || FormError("a field is named both as a value and as a group".into());
    let Some((first, rest)) = path.split_first() else {
        return match node {
            Node::Leaf(values, _) => {
                values.push(value);
                Ok(())
            }
            _ => Err(clash()),
        };
    };
    let fresh = || if matches!(rest.first(), Some(Step::Index(_))) { Node::List(BTreeMap::new()) } else { empty(rest) };
    match (node, first) {
        (Node::Map(map), Step::Key(k)) => insert(map.entry(k.clone()).or_insert_with(fresh), rest, value),
        (Node::List(rows), Step::Index(i)) => insert(rows.entry(*i).or_insert_with(fresh), rest, value),
        _ => Err(clash()),
    }
}

fn empty(rest: &[Step]) -> Node {
    if rest.is_empty() { Node::Leaf(Vec::new(), Vec::new()) } else { Node::Map(BTreeMap::new()) }
}

impl Node {
    /// Whether anything was filled in (ids of what a row is about do not count).
    fn is_filled(&self) -> bool {
        match self {
            Node::Leaf(values, _) => values.iter().any(|v| !v.trim().is_empty()),
            Node::Map(map) => map.iter().any(|(k, n)| !k.ends_with("_id") && n.is_filled()),
            Node::List(rows) => rows.values().any(Node::is_filled),
        }
    }

    /// Leaves out unused rows, remembering for each list (by its path) the form rows kept.
    fn drop_unused_rows(&mut self, path: &str, kept: &mut Vec<(String, Vec<usize>)>) {
        match self {
            Node::Leaf(values, each) => {
                if values.len() > 1 {
                    *each = values.iter().map(|v| Node::Leaf(vec![v.clone()], Vec::new())).collect();
                }
            }
            Node::Map(map) => {
                for (k, n) in map.iter_mut() {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    n.drop_unused_rows(&p, kept);
                }
            }
            Node::List(rows) => {
                rows.retain(|_, n| !matches!(n, Node::Map(_)) || n.is_filled());
                kept.push((path.to_owned(), rows.keys().copied().collect()));
                for (i, n) in rows.iter_mut() {
                    n.drop_unused_rows(&format!("{path}[{i}]"), kept);
                }
            }
        }
    }
}

/// A form read into `T`, with what is needed to put the use case's errors back on its fields.
pub struct Read<T> {
    pub input: T,
    pub rows: Rows,
}

/// For each list in the form, the form's row numbers of the rows the input holds.
#[derive(Debug, Clone, Default)]
pub struct Rows(Vec<(String, Vec<usize>)>);

impl Rows {
    /// The form field of a field the use case named: `members[1].bsn` is the form's
    /// `members[2].bsn` when the form's row 1 was left empty.
    pub fn field(&self, field: &str) -> String {
        for (list, kept) in &self.0 {
            if let Some(rest) = field.strip_prefix(list.as_str()).and_then(|r| r.strip_prefix('['))
                && let Some((k, tail)) = rest.split_once(']')
                && let Some(row) = k.parse::<usize>().ok().and_then(|k| kept.get(k))
            {
                return format!("{list}[{row}]{tail}");
            }
        }
        field.to_owned()
    }

    /// The errors with the form's field names.
    pub fn errors(&self, errors: Vec<FieldError>) -> Vec<FieldError> {
        errors.into_iter().map(|e| FieldError { field: self.field(&e.field), ..e }).collect()
    }
}

/// Reads the submitted name/value pairs into `T` by the rules of this module.
pub fn read<T: DeserializeOwned>(pairs: &[(String, String)]) -> Result<Read<T>, FormError> {
    let mut root = Node::Map(BTreeMap::new());
    for (name, value) in pairs {
        // The CSRF token is the extractor's, not the input's.
        if name == "_csrf" {
            continue;
        }
        let path = steps(name).ok_or_else(|| FormError(format!("the field name {name:?} cannot be read")))?;
        insert(&mut root, &path, value.clone())?;
    }
    let mut kept = Vec::new();
    root.drop_unused_rows("", &mut kept);
    let input = T::deserialize(&root)?;
    Ok(Read { input, rows: Rows(kept) })
}

impl Node {
    /// The value of a single field: the last one sent.
    fn last(&self) -> Result<&str, FormError> {
        match self {
            Node::Leaf(values, _) => Ok(values.last().map(String::as_str).unwrap_or_default()),
            _ => Err(FormError("a group of fields where one value was expected".into())),
        }
    }

    fn number<N: std::str::FromStr + Default>(&self) -> Result<N, FormError> {
        Ok(self.last()?.trim().parse().unwrap_or_default())
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $t:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
            visitor.$visit(self.number::<$t>()?)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &'de Node {
    type Error = FormError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self {
            Node::Leaf(values, _) if values.len() > 1 => self.deserialize_seq(visitor),
            Node::Leaf(..) => visitor.visit_str(self.last()?),
            Node::Map(_) => self.deserialize_map(visitor),
            Node::List(_) => self.deserialize_seq(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self {
            Node::Leaf(..) if self.last()?.is_empty() => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self.last()?.trim() {
            "true" | "on" | "1" => visitor.visit_bool(true),
            "false" | "off" | "0" | "" => visitor.visit_bool(false),
            other => Err(FormError(format!("{other:?} is not true or false"))),
        }
    }

    numbers! {
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16, deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64, deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64, deserialize_f32 visit_f32 f32,
        deserialize_f64 visit_f64 f64,
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        visitor.visit_str(self.last()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self {
            Node::Leaf(values, _) if values.is_empty() => visitor.visit_seq(Elements(Vec::new().into_iter())),
            Node::Leaf(values, _) if values.len() == 1 => visitor.visit_seq(Elements(vec![self].into_iter())),
            Node::Leaf(_, each) => visitor.visit_seq(Elements(each.iter().collect::<Vec<_>>().into_iter())),
            Node::List(rows) => visitor.visit_seq(Elements(rows.values().collect::<Vec<_>>().into_iter())),
            Node::Map(_) => Err(FormError("a group of fields where a list was expected".into())),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self {
            Node::Map(map) => visitor.visit_map(Fields { entries: map.iter(), value: None }),
            _ => Err(FormError("a value where a group of fields was expected".into())),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FormError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, FormError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FormError> {
        visitor.visit_enum(self.last()?.to_owned().into_deserializer())
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        visitor.visit_unit()
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit_struct tuple tuple_struct identifier
    }
}

/// The elements of a list: the values of a repeated name, or the rows of a list of groups.
struct Elements<'a>(std::vec::IntoIter<&'a Node>);

impl<'de> SeqAccess<'de> for Elements<'de> {
    type Error = FormError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, FormError> {
        self.0.next().map(|n| seed.deserialize(n)).transpose()
    }
}

struct Fields<'a> {
    entries: std::collections::btree_map::Iter<'a, String, Node>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for Fields<'de> {
    type Error = FormError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, FormError> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                let key: StringDeserializer<FormError> = k.clone().into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, FormError> {
        let node = self.value.take().ok_or_else(|| FormError("a value without a name".into()))?;
        seed.deserialize(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use buurtteam_app::cases::{ContactInput, ReferralInput};
    use buurtteam_app::households::HouseholdInput;
    use buurtteam_app::plan::{EvaluationInput, GoalInput, GoalPatch};

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn empty_fields_are_absent_and_lists_repeat() {
        let referral: Read<ReferralInput> = read(&pairs(&[
            ("_csrf", "x"),
            ("household_id", "4"),
            ("team_id", ""),
            ("referred_on", ""),
            ("request", "Hulp bij opvoeding"),
            ("client_ids", "7"),
            ("client_ids", "8"),
            ("life_domains", "parenting"),
            ("action", "ignored"),
        ]))
        .expect("read");
        let input = referral.input;
        assert_eq!((input.household_id, input.team_id, input.referred_on), (Some(4), None, None));
        assert_eq!(input.request.as_deref(), Some("Hulp bij opvoeding"));
        assert_eq!((input.client_ids, input.life_domains), (vec![7, 8], vec!["parenting".to_owned()]));
    }

    #[test]
    fn a_number_that_is_not_one_is_kept_as_zero_for_the_use_case_to_report() {
        let input = read::<ContactInput>(&pairs(&[("minutes", "veel"), ("participants", "x")])).expect("read").input;
        assert_eq!((input.minutes, input.participants), (Some(0), vec![0]));
    }

    #[test]
    fn a_hidden_false_before_a_checkbox_gives_the_checkbox_its_off_value() {
        let off = read::<GoalPatch>(&pairs(&[("confidential", "false"), ("client_id", "")])).expect("read").input;
        assert_eq!((off.confidential, off.client_id, off.shared), (Some(false), Some(None), None));
        let on = read::<GoalPatch>(&pairs(&[("confidential", "false"), ("confidential", "true")])).expect("read");
        assert_eq!(on.input.confidential, Some(true));
        let unchecked = read::<GoalInput>(&pairs(&[("title", "Rust")])).expect("read").input;
        assert!(!unchecked.confidential);
    }

    #[test]
    fn unused_rows_are_left_out_and_errors_return_to_the_form_row() {
        let household = read::<HouseholdInput>(&pairs(&[
            ("address.city", "Utrecht"),
            ("members[0].given_name", ""),
            ("members[0].bsn", ""),
            ("members[1].given_name", "Sanne"),
            ("members[2].given_name", "Daan"),
        ]))
        .expect("read");
        assert_eq!(household.input.address.and_then(|a| a.city).as_deref(), Some("Utrecht"));
        assert_eq!(household.input.members.len(), 2);
        assert_eq!(household.rows.field("members[1].bsn"), "members[2].bsn");
        assert_eq!(household.rows.field("address.street"), "address.street");

        // A row's id does not make it filled in: a goal without a score is no score.
        let evaluation = read::<EvaluationInput>(&pairs(&[
            ("scores[0].goal_id", "4"),
            ("scores[0].score", ""),
            ("scores[1].goal_id", "9"),
            ("scores[1].score", "3"),
        ]))
        .expect("read");
        assert_eq!(evaluation.input.scores.len(), 1);
        assert_eq!((evaluation.input.scores[0].goal_id, evaluation.input.scores[0].score), (9, 3));
        assert_eq!(evaluation.rows.field("scores[0].score"), "scores[1].score");
    }

    #[test]
    fn names_that_are_not_paths_are_refused() {
        assert!(read::<GoalInput>(&pairs(&[("title[x", "a")])).is_err());
        assert!(read::<GoalInput>(&pairs(&[("title", "a"), ("title.x", "b")])).is_err());
    }
}
