//! The words of the request letter for blanks (surat permintaan blangko), in the office's
//! language: Indonesian as such letters are written, English for reading along.

use super::Lang;

pub struct LetterWords {
    pub number: &'static str,
    pub nature: &'static str,
    pub nature_value: &'static str,
    pub attachment: &'static str,
    pub subject: &'static str,
    pub subject_value: &'static str,
    pub to: &'static str,
    pub addressee: [&'static str; 3],
    pub greeting: &'static str,
    /// The opening paragraph: the office's district and the day of the figures.
    pub opening: fn(&str, &str) -> String,
    pub stock: &'static str,
    pub prr_waiting: &'static str,
    pub sent_not_printed: &'static str,
    pub print_rate: &'static str,
    pub per_day: fn(&str) -> String,
    pub buffer: fn(usize) -> String,
    pub need: &'static str,
    /// The deliveries the centre announced and has not made yet: (how many, the last's day).
    pub announced: fn(usize, &str) -> String,
    /// The need once those deliveries are subtracted too.
    pub need_less_announced: &'static str,
    pub asked: fn(&str) -> String,
    pub sheets: &'static str,
    pub unknown: &'static str,
    /// The request: how many blanks.
    pub request: fn(&str) -> String,
    /// Said where PRR is not counted: the request is from the sent records not printed.
    pub no_prr: &'static str,
    pub closing: &'static str,
    pub illustrative: &'static str,
    /// Where the letterhead is not filled in yet.
    pub fill_letterhead: &'static str,
}

pub fn words(lang: Lang) -> &'static LetterWords {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

static ID: LetterWords = LetterWords {
    number: "Nomor",
    nature: "Sifat",
    nature_value: "Segera",
    attachment: "Lampiran",
    subject: "Perihal",
    subject_value: "Permohonan Tambahan Blangko KTP-el",
    to: "Kepada Yth.",
    addressee: [
        "Direktur Jenderal Kependudukan dan Pencatatan Sipil",
        "Kementerian Dalam Negeri",
        "di Jakarta",
    ],
    greeting: "Dengan hormat,",
    opening: |office, day| {
        format!(
            "Sehubungan dengan pelaksanaan pencetakan KTP-el di {office}, bersama ini kami \
             sampaikan keadaan blangko dan data siap cetak (PRR) per {day} sebagai berikut:"
        )
    },
    stock: "Stok blangko KTP-el",
    prr_waiting: "Data siap cetak (PRR) belum dicetak",
    sent_not_printed: "Data terkirim belum dicetak",
    print_rate: "Rata-rata pencetakan (14 hari kerja terakhir)",
    per_day: |n| format!("{n} kartu per hari kerja"),
    buffer: |days| format!("Kebutuhan {days} hari kerja pencetakan"),
    need: "Kebutuhan dikurangi stok",
    announced: |deliveries, until| {
        format!("Pengiriman yang sudah diumumkan ({deliveries}, hingga {until})")
    },
    need_less_announced: "Kebutuhan dikurangi stok dan pengiriman yang diumumkan",
    asked: |round| format!("Jumlah yang dimohon (dibulatkan ke atas per {round})"),
    sheets: "lembar",
    unknown: "belum diketahui",
    request: |n| {
        format!(
            "Berdasarkan hal tersebut, kami mohon kiranya dapat diberikan tambahan blangko KTP-el \
             sebanyak {n} lembar untuk mencetak data siap cetak yang menunggu."
        )
    },
    no_prr: "Kantor kami belum mencatat PRR; kebutuhan dihitung dari data terkirim yang belum \
             dicetak.",
    closing: "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja samanya kami \
              ucapkan terima kasih.",
    illustrative: "DATA ILUSTRASI — bukan surat sebenarnya",
    fill_letterhead: "(isi kop surat di Pengaturan)",
};

static EN: LetterWords = LetterWords {
    number: "Number",
    nature: "Nature",
    nature_value: "Urgent",
    attachment: "Attachment",
    subject: "Subject",
    subject_value: "Request for additional e-KTP blanks",
    to: "To",
    addressee: [
        "The Director General of Population and Civil Registration",
        "Ministry of Home Affairs",
        "Jakarta",
    ],
    greeting: "Dear Sir or Madam,",
    opening: |office, day| {
        format!(
            "In the printing of e-KTP at {office}, we report the state of our blanks and of the \
             print-ready records (PRR) as of {day}:"
        )
    },
    stock: "e-KTP blanks in stock",
    prr_waiting: "Print-ready records (PRR) not yet printed",
    sent_not_printed: "Sent records not yet printed",
    print_rate: "Printing rate (last 14 working days)",
    per_day: |n| format!("{n} cards a working day"),
    buffer: |days| format!("{days} working days of printing"),
    need: "Need less the stock",
    announced: |deliveries, until| {
        format!("Deliveries already announced ({deliveries}, by {until})")
    },
    need_less_announced: "Need less the stock and the announced deliveries",
    asked: |round| format!("Quantity requested (rounded up to {round})"),
    sheets: "sheets",
    unknown: "unknown",
    request: |n| {
        format!(
            "We therefore ask for {n} additional e-KTP blanks to print the print-ready records \
             that are waiting."
        )
    },
    no_prr: "Our office does not count PRR yet; the need is counted from the sent records not \
             yet printed.",
    closing: "Thank you for your attention and cooperation.",
    illustrative: "ILLUSTRATIVE DATA — not a real letter",
    fill_letterhead: "(fill in the letterhead in Settings)",
};
