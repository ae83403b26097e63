//! What the audit trail says the data is, against what the database holds: `pantau check`'s
//! tamper check. Every write of Pantau records each row it touches, with the values as they are
//! after it (an import: every row it inserted), and the rows are chained by hashes (see
//! `audit`). Replaying the trail gives each row as Pantau last wrote it; a row that differs,
//! that the trail does not know or that it says still exists, was changed outside Pantau.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use super::audit::{StoredRow, check_chain, stored_rows};
use super::load::load_dataset;
use super::write::rows as values;

/// The tables whose rows the trail vouches for. The exchange's bookkeeping and the forecast
/// cache are not among them: they hold no figure of the office's own.
const SEALED: &[&str] = &[
    "office",
    "unit",
    "daily_report",
    "target",
    "deadline",
    "opening_balance",
    "prr_opening",
    "holiday",
    "stock_event",
    "planned_delivery",
    "season_factor",
    "outage",
    "setting",
    "account",
    "approval",
    "lock_exception",
];

/// A row: its table and its key, as canonical JSON text.
type RowId = (String, String);

/// How a row differs from what the audit trail says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TamperKind {
    /// The row holds other values than Pantau last wrote.
    Changed,
    /// The row is not in the trail at all.
    Added,
    /// The trail says the row exists; it does not.
    Removed,
    /// An audit row itself was changed, inserted or removed.
    AuditRow,
}

/// A change made outside Pantau, found by [`check`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Tampering {
    pub kind: TamperKind,
    pub table: String,
    /// The row's key (the audit row's id for [`TamperKind::AuditRow`]).
    pub key: Value,
    /// The unit's name, where the key names a unit.
    pub unit: Option<String>,
    /// The day in the key, where it has one.
    pub date: Option<String>,
    /// When Pantau last wrote the row (or, for a row it never wrote, its last write at all):
    /// the change was made after this. RFC 3339.
    pub after: Option<String>,
}

/// The sealed tables' rows as the audit trail writes them.
pub(super) fn state(conn: &Connection) -> rusqlite::Result<BTreeMap<RowId, Value>> {
    let data = load_dataset(conn)?;
    let mut rows = BTreeMap::new();
    let mut put = |table: &str, key: Value, values: Value| {
        rows.insert((table.to_string(), key.to_string()), normalize(values));
    };
    if !data.office.name.is_empty() {
        put(
            "office",
            json!({"id": 1}),
            values::office_values(&data.office),
        );
    }
    for unit in &data.units {
        put("unit", json!({"id": unit.id}), values::unit_values(unit));
    }
    for ((unit, date), report) in &data.reports {
        let mut v = values::report_values(report);
        v["unexplained"] = json!(data.unexplained.contains(&(*unit, *date)));
        put("daily_report", json!({"unit_id": unit, "date": date}), v);
    }
    for t in &data.targets {
        let key = json!({"unit_id": t.unit_id, "effective_from": t.effective_from});
        put("target", key, values::target_values(t));
    }
    for d in &data.deadlines {
        let key = json!({"decided_on": d.decided_on});
        put("deadline", key, values::deadline_values(d));
    }
    for o in data.openings.values() {
        let key = json!({"unit_id": o.unit_id});
        put("opening_balance", key, values::opening_values(o));
    }
    for o in data.prr_openings.values() {
        let key = json!({"unit_id": o.unit_id});
        put("prr_opening", key, values::prr_opening_values(o));
    }
    for h in data.calendar.holidays() {
        put(
            "holiday",
            json!({"date": h.date}),
            values::holiday_values(h),
        );
    }
    for e in &data.stock_events {
        put(
            "stock_event",
            json!({"id": e.id}),
            values::stock_event_values(e),
        );
    }
    for p in &data.planned_deliveries {
        let key = json!({"id": p.id});
        put("planned_delivery", key, values::planned_delivery_values(p));
    }
    for s in &data.season_factors {
        let key = json!({"id": s.id});
        put("season_factor", key, values::season_factor_values(s));
    }
    for o in &data.outages {
        put("outage", json!({"id": o.id}), values::outage_values(o));
    }
    let mut stmt = conn.prepare("SELECT key, value FROM setting")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (key, value) = row?;
        put("setting", json!({"key": key}), json!({"value": value}));
    }
    for (key, values) in super::access::sealed_rows(conn)? {
        rows.insert(key, normalize(values));
    }
    Ok(rows)
}

/// The state as the seal's text: `[[table, key, values], …]`.
pub(super) fn state_text(state: &BTreeMap<RowId, Value>) -> String {
    let rows: Vec<Value> = state
        .iter()
        .map(|((table, key), values)| {
            json!([
                table,
                serde_json::from_str::<Value>(key).unwrap_or(Value::Null),
                values
            ])
        })
        .collect();
    Value::Array(rows).to_string()
}

/// Lists in the values whose order means nothing (an outage's units, an account's units) are
/// compared sorted.
fn normalize(mut values: Value) -> Value {
    if let Some(Value::Array(units)) = values.get_mut("units") {
        units.sort_by_key(|v| v.as_i64());
    }
    // A report without the centre's stage: written as null since there is one, absent before.
    if let Some(object) = values.as_object_mut()
        && object.get("prr").is_some_and(Value::is_null)
    {
        object.remove("prr");
    }
    values
}

fn canonical_key(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| text.to_string())
}

/// What the trail says each row holds, and when Pantau last wrote it.
struct Replay {
    rows: BTreeMap<RowId, Value>,
    touched: BTreeMap<RowId, String>,
    last_at: Option<String>,
}

fn replay(trail: &[StoredRow]) -> Replay {
    let mut r = Replay {
        rows: BTreeMap::new(),
        touched: BTreeMap::new(),
        last_at: None,
    };
    let parse = |text: &Option<String>| text.as_deref().and_then(|t| serde_json::from_str(t).ok());
    for row in trail {
        r.last_at = Some(row.at.clone());
        if row.action == "seal" {
            r.rows.clear();
            let rows: Vec<Value> = parse(&row.new)
                .and_then(|v: Value| v.as_array().cloned())
                .unwrap_or_default();
            for item in rows {
                if let [table, key, values] = item.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                    let id = (
                        table.as_str().unwrap_or_default().to_string(),
                        key.to_string(),
                    );
                    r.touched.insert(id.clone(), row.at.clone());
                    r.rows.insert(id, normalize(values.clone()));
                }
            }
            continue;
        }
        if !SEALED.contains(&row.table.as_str()) {
            continue;
        }
        let key: Value = parse(&Some(row.key.clone())).unwrap_or(Value::Null);
        if row.table == "daily_report" && key.get("import").is_some() {
            let new: Value = parse(&row.new).unwrap_or(Value::Null);
            for unit in new["inserted"].as_array().into_iter().flatten() {
                let unit_id = &unit["unit_id"];
                for item in unit["rows"].as_array().into_iter().flatten() {
                    let f = |i: usize| item.get(i).cloned().unwrap_or(Value::Null);
                    let id = (
                        "daily_report".to_string(),
                        json!({"unit_id": unit_id, "date": f(0)}).to_string(),
                    );
                    let mut values = json!({
                        "recorded": f(1), "sent_to_central": f(2), "printed": f(3),
                        "suket_issued": f(4), "server_ok": f(5), "note": f(6),
                        "unexplained": f(7),
                    });
                    if let Some([prr, dup, efac, retaken]) =
                        item.get(8).and_then(Value::as_array).map(Vec::as_slice)
                    {
                        values["prr"] = json!({
                            "prr": prr, "dup": dup, "efac": efac, "efac_retaken": retaken,
                        });
                    }
                    r.touched.insert(id.clone(), row.at.clone());
                    r.rows.insert(id, values);
                }
            }
            continue;
        }
        let id = (row.table.clone(), canonical_key(&row.key));
        r.touched.insert(id.clone(), row.at.clone());
        let mut new: Option<Value> = parse(&row.new);
        // A report written whole says "unexplained" only when it flags it: a save clears it.
        if row.table == "daily_report"
            && let Some(values) = new.as_mut().and_then(Value::as_object_mut)
            && values.contains_key("recorded")
        {
            values.entry("unexplained").or_insert(Value::Bool(false));
        }
        match row.action.as_str() {
            "insert" => {
                r.rows.insert(id, normalize(new.unwrap_or(Value::Null)));
            }
            "update" => {
                let entry = r
                    .rows
                    .entry(id)
                    .or_insert_with(|| Value::Object(Map::new()));
                if let (Some(entry), Some(Value::Object(new))) = (entry.as_object_mut(), new) {
                    for (field, value) in new {
                        entry.insert(field, value);
                    }
                }
                *entry = normalize(entry.take());
            }
            "delete" => {
                r.rows.remove(&id);
            }
            _ => {}
        }
    }
    r
}

/// Every change made outside Pantau that the trail shows: an audit row that breaks the chain
/// first, then each row that differs from what Pantau last wrote, in table order.
pub(super) fn check(conn: &Connection) -> rusqlite::Result<Vec<Tampering>> {
    let trail = stored_rows(conn)?;
    let mut found = Vec::new();
    if let Some(broken) = check_chain(&trail) {
        let before = trail.iter().take_while(|r| r.id < broken.id).last();
        found.push(Tampering {
            kind: TamperKind::AuditRow,
            table: "audit_log".into(),
            key: json!({"id": broken.id}),
            unit: None,
            date: None,
            after: before.map(|r| r.at.clone()),
        });
    }
    if trail.is_empty() {
        return Ok(found);
    }
    let expected = replay(&trail);
    let actual = state(conn)?;
    let units: BTreeMap<i64, String> = load_dataset(conn)?
        .units
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let describe = |kind: TamperKind, (table, key): &RowId| {
        let key: Value = serde_json::from_str(key).unwrap_or(Value::Null);
        let unit = key["unit_id"]
            .as_i64()
            .map(|id| units.get(&id).cloned().unwrap_or_else(|| format!("#{id}")));
        let date = ["date", "effective_from", "decided_on", "month"]
            .iter()
            .find_map(|f| key[*f].as_str().map(str::to_string));
        let after = expected
            .touched
            .get(&(table.clone(), key.to_string()))
            .cloned()
            .or_else(|| expected.last_at.clone());
        Tampering {
            kind,
            table: table.clone(),
            key,
            unit,
            date,
            after,
        }
    };
    for (id, values) in &actual {
        match expected.rows.get(id) {
            Some(wanted) if wanted == values => {}
            Some(_) => found.push(describe(TamperKind::Changed, id)),
            None => found.push(describe(TamperKind::Added, id)),
        }
    }
    for id in expected.rows.keys() {
        if !actual.contains_key(id) {
            found.push(describe(TamperKind::Removed, id));
        }
    }
    Ok(found)
}
