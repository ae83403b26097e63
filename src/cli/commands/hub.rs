//! `pantau hub …`: the province's and the nation's PostgreSQL hub.

use std::path::PathBuf;

use anyhow::Result;

use super::date_arg;
use crate::cli::HubAction;
use crate::cli::table;
use crate::hub::{self, HubUrl, ReaderScope};
use crate::locale::Lang;
use crate::locale::cli::{share, total};
use crate::locale::fmt::{count, date_opt, signed};
use crate::locale::hub as words;
use crate::store::hub::HubLink;

/// A new role's password: `PANTAU_HUB_NEW_PASSWORD`, or made up (and shown once).
fn new_password() -> Result<(String, bool)> {
    match std::env::var("PANTAU_HUB_NEW_PASSWORD") {
        Ok(password) if !password.is_empty() => Ok((password, false)),
        _ => Ok((hub::new_password()?, true)),
    }
}

pub fn hub(
    lang: Lang,
    action: HubAction,
    db_path: &dyn Fn(Option<PathBuf>) -> Result<PathBuf>,
) -> Result<()> {
    match action {
        HubAction::Init { url } => {
            let url = HubUrl::parse(&url)?;
            let mut client = url.connect()?;
            let done = hub::schema::init(&mut client, url.dbname(), url.shown())?;
            println!("{}", words::initialised(lang, url.shown(), &done));
            Ok(())
        }
        HubAction::Register {
            url,
            db,
            province,
            name,
            code,
        } => {
            let url = HubUrl::parse(&url)?;
            let mut store = super::open_store(&db)?;
            let key = crate::exchange::bundle::generate_key()
                .map_err(crate::exchange::ExchangeError::Key)?;
            let identity =
                store.ensure_district_identity(&crate::exchange::bundle::hex(&key.to_bytes()))?;
            let signing = crate::exchange::bundle::from_hex(&identity.signing_key)
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .map(|b| ed25519_dalek::SigningKey::from_bytes(&b))
                .ok_or(crate::exchange::ExchangeError::NotSetUp)?;
            let public_key = crate::exchange::bundle::hex(signing.verifying_key().as_bytes());
            let data = store.snapshot()?;
            let office = data.office.name.clone();
            let district = name.unwrap_or_else(|| district_name(&office));
            let code = code.or_else(|| {
                data.units
                    .iter()
                    .find(|u| u.kind == crate::domain::UnitKind::District)
                    .and_then(|u| u.code.clone())
            });
            let (password, _) = new_password()?;
            let mut client = url.connect()?;
            let prefix = hub::schema::require(&mut client, url.shown())?;
            let done = hub::register(
                &mut client,
                &prefix,
                &hub::NewDistrict {
                    province: &province,
                    name: &district,
                    office: &office,
                    code: code.as_deref(),
                    public_key: &public_key,
                    password: &password,
                },
            )?;
            let push_url = url.as_user(&done.role);
            store.link_hub(&HubLink {
                district: done.district.clone(),
                province: done.province.clone(),
                district_role: done.role.clone(),
                url: push_url.clone(),
                registered_at: chrono::Local::now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            })?;
            println!("{}", words::registered(lang, &done, &push_url, &db));
            Ok(())
        }
        HubAction::Reader {
            url,
            name,
            province,
            nation,
        } => {
            let url = HubUrl::parse(&url)?;
            let mut client = url.connect()?;
            let prefix = hub::schema::require(&mut client, url.shown())?;
            let scope = match (&province, nation) {
                (Some(p), false) => ReaderScope::Province(p.clone()),
                _ => ReaderScope::Nation,
            };
            let (password, made_up) = new_password()?;
            let made = hub::create_reader(&mut client, &prefix, &name, &scope, &password)?;
            let shown = (made == hub::ReaderMade::New && made_up).then_some(password.as_str());
            let scope = words::scope(lang, province.as_deref());
            println!("{}", words::reader_made(lang, &name, &scope, made, shown));
            Ok(())
        }
        HubAction::Push { db, url } => {
            let path = db_path(db)?;
            let mut store = super::open_store(&path)?;
            let url = match url {
                Some(url) => url,
                None => {
                    store
                        .hub_link()?
                        .ok_or(crate::exchange::ExchangeError::NotLinked)?
                        .url
                }
            };
            let url = HubUrl::parse(&url)?;
            let pushed = hub::push(&mut store, &url)?;
            println!("{}", words::pushed(lang, &pushed));
            Ok(())
        }
        HubAction::Receive { url, files } => {
            let url = HubUrl::parse(&url)?;
            let mut client = url.connect()?;
            hub::schema::require(&mut client, url.shown())?;
            let mut refused = 0;
            let received = hub::receive_files(&mut client, &files)?;
            let total = received.len();
            for (path, outcome) in received {
                match outcome {
                    Ok(receipt) => println!("{}", words::receipt(lang, &receipt)),
                    Err(error) => {
                        refused += 1;
                        let text = words::error(lang, &error);
                        if text.contains(&path.display().to_string()) {
                            eprintln!("{text}");
                        } else {
                            eprintln!("{}: {text}", path.display());
                        }
                    }
                }
            }
            if refused > 0 {
                anyhow::bail!("{}", words::refused_files(lang, refused, total));
            }
            Ok(())
        }
        HubAction::Summary {
            url,
            province,
            as_of,
            json,
        } => {
            let as_of = as_of
                .map(|text| date_arg(lang, "--as-of", &text))
                .transpose()?;
            let url = HubUrl::parse(&url)?;
            let mut client = url.connect()?;
            hub::schema::require(&mut client, url.shown())?;
            let summary = hub::summary(&mut client, province.as_deref(), as_of)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                print!("{}", summary_text(lang, &summary));
            }
            Ok(())
        }
        HubAction::Status { db, json } => {
            let store = super::open_reader(&db_path(db)?)?;
            let link = store.hub_link()?;
            let sent = store.hub_sent()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"link": link, "bundles": sent})
                    )?
                );
                return Ok(());
            }
            match &link {
                Some(link) => println!("{}", words::link_line(lang, link)),
                None => println!("{}", words::not_linked_status(lang)),
            }
            for bundle in &sent {
                println!("{}", words::sent_line(lang, bundle));
            }
            Ok(())
        }
    }
}

/// "Sampang" from "Dispendukcapil Kabupaten Sampang".
fn district_name(office: &str) -> String {
    let office = office.trim();
    office
        .rsplit_once(" Kabupaten ")
        .or_else(|| office.rsplit_once(" Kota "))
        .map_or(office, |(_, name)| name)
        .to_string()
}

fn summary_text(lang: Lang, s: &hub::HubSummary) -> String {
    let scope = words::scope(lang, s.province.as_deref());
    let mut out = format!("{}\n", words::summary_title(lang, &scope, s.as_of));
    if let Some(d) = &s.deadline {
        out.push_str(&format!(
            "{}\n",
            crate::locale::cli::said(
                lang,
                &crate::locale::cli::Said::DeadlineInForce {
                    deadline: d.deadline,
                    decided: Some(d.decided_on),
                }
            )
        ));
    }
    out.push('\n');
    let n = |x: u64| count(lang, x);
    let row = |name: String, p: &crate::domain::summary::Progress, blanks: Option<i64>, last| {
        vec![
            name,
            p.wajib_ktp.map(n).unwrap_or_else(|| "—".into()),
            n(p.recorded),
            n(p.sent_to_central),
            n(p.printed),
            share(lang, p.coverage_pct),
            share(lang, p.printed_pct),
            blanks
                .map(|b| signed(lang, b))
                .unwrap_or_else(|| "—".into()),
            last,
        ]
    };
    let mut rows: Vec<Vec<String>> = s
        .districts
        .iter()
        .map(|d| {
            row(
                d.name.clone(),
                &d.progress,
                d.blanks_left,
                date_opt(lang, d.last_day),
            )
        })
        .collect();
    if s.provinces.len() > 1 {
        for p in &s.provinces {
            rows.push(row(
                words::province_row(lang, &p.name),
                &p.progress,
                p.blanks_left,
                String::new(),
            ));
        }
    }
    rows.push(row(
        total(lang).to_string(),
        &s.total,
        s.blanks_left,
        String::new(),
    ));
    let mut right = [true; 9];
    right[0] = false;
    right[8] = false;
    out.push_str(&table::render(&words::summary_headers(lang), &rows, &right));
    out.push('\n');
    out.push_str(&words::not_sent(lang, s.as_of, &s.not_sent, &s.resting));
    out.push('\n');
    if let Some(line) = words::low_blanks(lang, hub::REORDER_THRESHOLD, &s.low_blanks) {
        out.push_str(&line);
        out.push('\n');
    }
    if let Some(line) = words::outages(lang, s.as_of, &s.outages) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
