//! Accounts in the window, as people use them: the login before any screen with data (a name,
//! Tab, a password and Enter typed in one frame), rows closed to the account greyed before
//! anyone types, the head of office approving on the Laporan screen, and the Admin asked for
//! in a database without accounts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_support::*;
use pantau::domain::UnitId;
use pantau::domain::access::{Month, Role as AccountRole};
use pantau::store::{NewAccount, Store};
use pantau::ui::app::Screen;

use common::{d, report};

const TORJUN: UnitId = 1;
const OMBEN: UnitId = 2;

fn account(name: &str, role: AccountRole) -> NewAccount {
    NewAccount {
        name: name.to_string(),
        role,
        password: format!("{name}-rahasia"),
        units: None,
    }
}

/// Torjun and Omben with reports of 3 October 2016, then an Admin, an Operator (ani) and the
/// head of office (kepala); `approve_omben`: September approved for Omben.
fn office_with_accounts(approve_omben: bool) -> common::TempDb {
    let (db, mut store) = common::small_office();
    store.set_today(d("2016-10-05"));
    store
        .save_reports(
            &[
                report(TORJUN, "2016-09-29", 20, 10, 0),
                report(OMBEN, "2016-09-29", 10, 5, 0),
                report(TORJUN, "2016-10-03", 50, 40, 0),
                report(OMBEN, "2016-10-03", 30, 20, 0),
            ],
            d("2016-10-05"),
        )
        .unwrap();
    store
        .add_account(&account("admin", AccountRole::Admin))
        .unwrap();
    store
        .add_account(&account("ani", AccountRole::Operator))
        .unwrap();
    store
        .add_account(&account("kepala", AccountRole::Kepala))
        .unwrap();
    if approve_omben {
        store.log_in("kepala", "kepala-rahasia").unwrap();
        store
            .approve(&[OMBEN], Month::parse("2016-09").unwrap())
            .unwrap();
    }
    drop::<Store>(store);
    db
}

/// The app on `db` on 5 October 2016, waiting at its login screen.
fn at_login(db: &common::TempDb) -> egui_kittest::Harness<'static, pantau::ui::app::PantauApp> {
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.today = d("2016-10-05");
    app.open(&db.path);
    assert!(app.view().is_none(), "nothing of the data before the login");
    assert_eq!(app.waiting_for_login(), Some(db.path.as_path()));
    harness(app)
}

fn log_in(harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>, name: &str) {
    let mut events = typed(name);
    events.extend(tab());
    events.extend(typed(&format!("{name}-rahasia")));
    events.extend(enter());
    send_in_one_frame(harness, events);
    harness.run_steps(3);
}

#[test]
fn the_login_comes_before_any_data_and_closed_rows_are_grey_before_typing() {
    let db = office_with_accounts(true);
    let mut harness = at_login(&db);
    harness.get_by_role_and_label(Role::Button, "Masuk");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, Screen::Dashboard.label(Default::default()))
            .is_none(),
        "no screen with data before the login"
    );
    // A wrong password is said, and nothing opens.
    let mut events = typed("ani");
    events.extend(tab());
    events.extend(typed("salah-sekali"));
    events.extend(enter());
    send_in_one_frame(&mut harness, events);
    harness.get_by_label("Nama akun atau kata sandi salah");
    assert!(harness.state().view().is_none());

    // The name stays and the keyboard waits in the password field: the right one, Enter.
    let mut events = typed("ani-rahasia");
    events.extend(enter());
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);
    let view = harness
        .state()
        .view()
        .expect("the screens open after the login");
    assert_eq!(view.access.actor.account().unwrap().name, "ani");
    harness.get_by_label_contains("ani · Operator");

    // Omben's September is approved: on the 30th its row is grey and says why before anyone
    // types (Torjun's is open: the period lock keeps it open until 8 October).
    show(&mut harness, Screen::Entry);
    for _ in 0..3 {
        send_in_one_frame(&mut harness, key(egui::Key::PageUp, egui::Modifiers::NONE));
    }
    assert_eq!(harness.state().entry.grid.date, Some(d("2016-09-30")));
    harness.get_by_label_contains("Bulan ini disetujui oleh kepala");
    let omben = harness.get_by_label("Omben Rekam");
    assert!(omben.accesskit_node().is_disabled() || omben.accesskit_node().is_read_only());
    let torjun = harness.get_by_label("Torjun Rekam");
    assert!(!torjun.accesskit_node().is_disabled());

    // The cursor starts in the first row open to ani (Torjun, under the closed Omben): a row
    // typed at once lands there, and nothing in the closed row.
    send_in_one_frame(&mut harness, day_typed(&[[7, 6, 0, 0]]));
    send_in_one_frame(&mut harness, ctrl(egui::Key::S));
    let day = stored_day(harness.state(), "2016-09-30");
    assert_eq!(day[0], None, "Omben (first by name) was closed");
    assert_eq!(day[1], Some([7, 6, 0, 0]), "Torjun was open");
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );

    // A click on the closed row lets go of the keyboard: what is typed next lands nowhere,
    // not in the Torjun cell the clerk was in.
    harness.get_by_label("Torjun Suket").focus();
    harness.run_steps(2);
    harness.get_by_label("Omben Rekam").click();
    harness.run_steps(2);
    send_in_one_frame(&mut harness, typed("12"));
    let torjun_row = harness
        .state()
        .entry
        .grid
        .rows
        .iter()
        .find(|r| r.unit_name == "Torjun")
        .unwrap();
    assert_eq!(
        torjun_row.cells[3], "0",
        "nothing typed into Torjun's Suket"
    );

    // Logging out closes the screens; the database waits for an account again.
    harness.state_mut().log_out();
    harness.run_steps(2);
    assert!(harness.state().view().is_none());
    harness.get_by_role_and_label(Role::Button, "Masuk");
}

#[test]
fn the_head_of_office_approves_on_the_reports_screen_and_unapproves_with_a_reason() {
    let db = office_with_accounts(false);
    let mut harness = at_login(&db);
    log_in(&mut harness, "kepala");
    assert!(
        harness.state().view().is_some(),
        "{:?}",
        harness.state().error
    );
    // The head of office enters nothing: every row is closed to it, and says so.
    show(&mut harness, Screen::Entry);
    assert_eq!(
        harness
            .query_all_by_label_contains("Peran Kepala Dinas tidak mengisi data")
            .count(),
        3
    );

    show(&mut harness, Screen::Reports);
    harness.get_by_label("Persetujuan bulanan");
    // September (the month before the last day with data) is shown; most of its days have no
    // report here, so approving every unit is asked again.
    harness
        .get_by_role_and_label(Role::Button, "Setujui semua unit yang belum")
        .click();
    harness.run_steps(2);
    harness.get_by_label_contains("3 unit belum lengkap laporannya bulan ini");
    assert!(
        Store::open_read_only(&db.path)
            .unwrap()
            .approvals()
            .unwrap()
            .is_empty()
    );
    harness
        .get_by_role_and_label(Role::Button, "Ya, setujui")
        .click();
    harness.run_steps(3);
    let approvals = Store::open_read_only(&db.path)
        .unwrap()
        .approvals()
        .unwrap();
    assert_eq!(approvals.len(), 3, "every unit of September 2016");
    assert!(approvals.iter().all(|a| a.approved && a.by == "kepala"));
    assert_eq!(
        harness
            .query_all_by_label_contains("Disetujui oleh kepala")
            .count(),
        3
    );

    // Unapproving waits for a reason; with one, the month reopens and the reason is audited.
    let unapprove = harness.get_all_by_role_and_label(Role::Button, "Batalkan persetujuan");
    assert!(
        unapprove
            .into_iter()
            .all(|b| b.accesskit_node().is_disabled())
    );
    type_into(&mut harness, "Alasan membatalkan:", "angka Omben salah");
    harness
        .get_all_by_role_and_label(Role::Button, "Batalkan persetujuan")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    let store = Store::open_read_only(&db.path).unwrap();
    let reopened: Vec<_> = store
        .approvals()
        .unwrap()
        .into_iter()
        .filter(|a| !a.approved)
        .collect();
    assert_eq!(reopened.len(), 1);
    assert_eq!(reopened[0].reason, "angka Omben salah");
    let audit = store.audit_log(Some(1)).unwrap();
    assert_eq!(audit[0].user, "kepala");
    assert!(
        audit[0].changes().contains("angka Omben salah"),
        "{}",
        audit[0].changes()
    );
    harness.get_by_label_contains("Dibuka kembali oleh kepala");
}

#[test]
fn a_database_without_accounts_asks_for_its_admin_and_shows_the_code_once() {
    let (db, store) = common::small_office();
    drop(store);
    let app = app_on(&db, "2016-10-05");
    let mut harness = harness(app);
    harness.get_by_label_contains("Database ini belum punya akun");
    harness
        .get_by_role_and_label(Role::Button, "Buat akun Admin")
        .click();
    harness.run_steps(2);
    // Name, password and the password again, typed at once.
    let mut events = typed("siti");
    events.extend(tab());
    events.extend(typed("siti-rahasia"));
    events.extend(tab());
    events.extend(typed("siti-rahasia"));
    send_in_one_frame(&mut harness, events);
    let form = &harness.state().admin_form;
    assert_eq!(
        (
            form.name.as_str(),
            form.password.as_str(),
            form.repeat.as_str()
        ),
        ("siti", "siti-rahasia", "siti-rahasia")
    );
    harness
        .get_all_by_role_and_label(Role::Button, "Buat akun Admin")
        .last()
        .unwrap()
        .click();
    harness.run_steps(3);
    let accounts = Store::open_read_only(&db.path).unwrap().accounts().unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].name, "siti");
    assert_eq!(accounts[0].role, AccountRole::Admin);
    // The recovery code, once; then the app goes on as the Admin.
    harness.get_by_label("Kode pemulihan");
    harness
        .get_by_role_and_label(Role::Button, "Sudah saya catat")
        .click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Kode pemulihan").is_none());
    assert!(
        harness
            .query_by_label_contains("belum punya akun")
            .is_none()
    );
    harness.get_by_label_contains("siti · Admin");
}

/// The Admin adds a kecamatan's Operator on Akun & Kunci and, there, opens a closed month with
/// a lock exception: the Operator's closed row opens.
#[test]
fn accounts_and_lock_exceptions_are_managed_in_the_window() {
    let db = office_with_accounts(false);
    {
        // A day closes the day after it here.
        let mut store = Store::open(&db.path).unwrap();
        store.log_in("admin", "admin-rahasia").unwrap();
        store.set_lock_days(0).unwrap();
    }
    let mut harness = at_login(&db);
    log_in(&mut harness, "admin");
    show(&mut harness, Screen::Accounts);
    type_in(&mut harness, "Nama akun", "budi");
    harness
        .get_by_role_and_label(Role::CheckBox, "Torjun")
        .click();
    harness.run_steps(1);
    type_secret(&mut harness, "Kata sandi", "budi-rahasia");
    type_secret(&mut harness, "Ulangi kata sandi", "budi-rahasia");
    harness
        .get_by_role_and_label(Role::Button, "Tambah akun")
        .click();
    harness.run_steps(3);
    let accounts = Store::open_read_only(&db.path).unwrap().accounts().unwrap();
    let budi = accounts.iter().find(|a| a.name == "budi").expect("added");
    assert_eq!(budi.role, AccountRole::Operator);
    assert_eq!(budi.units, Some([TORJUN].into_iter().collect()));

    // budi on the day before: Torjun's row is closed (and Omben is not budi's).
    let yesterday = |harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>| {
        show(harness, Screen::Entry);
        send_in_one_frame(harness, key(egui::Key::PageUp, egui::Modifiers::NONE));
    };
    harness.state_mut().log_out();
    harness.run_steps(2);
    log_in(&mut harness, "budi");
    yesterday(&mut harness);
    harness.get_by_label_contains("Terkunci sejak 5 Okt 2016");
    assert_eq!(
        harness
            .query_all_by_label_contains("Bukan unit akun budi")
            .count(),
        2,
        "Omben and the district office"
    );

    // The Admin grants an exception for October, every unit, with a reason.
    harness.state_mut().log_out();
    harness.run_steps(2);
    log_in(&mut harness, "admin");
    show(&mut harness, Screen::Accounts);
    let grant = harness.get_by_role_and_label(Role::Button, "Beri pengecualian");
    assert!(grant.accesskit_node().is_disabled(), "a reason first");
    type_in(&mut harness, "Alasan", "rekam 4 Okt tertinggal");
    harness
        .get_by_role_and_label(Role::Button, "Beri pengecualian")
        .click();
    harness.run_steps(3);
    let exceptions = Store::open_read_only(&db.path)
        .unwrap()
        .lock_exceptions()
        .unwrap();
    assert_eq!(exceptions.len(), 1);
    assert_eq!(exceptions[0].first_day, d("2016-10-01"));
    assert_eq!(exceptions[0].granted_by, "admin");

    // budi's row of the 4th opens, and takes a report.
    harness.state_mut().log_out();
    harness.run_steps(2);
    log_in(&mut harness, "budi");
    yesterday(&mut harness);
    assert!(harness.query_by_label_contains("Terkunci sejak").is_none());
    send_in_one_frame(&mut harness, day_typed(&[[4, 3, 0, 0]]));
    send_in_one_frame(&mut harness, ctrl(egui::Key::S));
    assert_eq!(
        stored_day(harness.state(), "2016-10-04")[1],
        Some([4, 3, 0, 0])
    );
}

/// Types into the text field labelled `label` (a column heading may say the same words).
fn type_in(
    harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>,
    label: &str,
    text: &str,
) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(3);
}

/// Types into the password field labelled `label`.
fn type_secret(
    harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>,
    label: &str,
    text: &str,
) {
    harness
        .get_by_role_and_label(Role::PasswordInput, label)
        .focus();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::PasswordInput, label)
        .type_text(text);
    harness.run_steps(3);
}

/// A figure changed with another tool is named on the dashboard as the file opens.
#[test]
fn the_dashboard_warns_of_a_change_made_outside_pantau() {
    let (db, store) = common::small_office();
    let mut store = store;
    store
        .save_reports(&[report(TORJUN, "2016-10-03", 50, 40, 0)], d("2016-10-05"))
        .unwrap();
    drop(store);
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .execute(
            "UPDATE daily_report SET recorded = 5000 WHERE unit_id = ?1",
            [TORJUN],
        )
        .unwrap();
    let app = app_on(&db, "2016-10-05");
    let mut harness = harness(app);
    run_until(&mut harness, |app| {
        app.view().is_some_and(|v| !v.tampering.is_empty())
    });
    harness.get_by_label("Peringatan: data diubah di luar Pantau");
    harness.get_by_label_contains("laporan harian Torjun 3 Okt 2016 diubah di luar Pantau sesudah");
}
