//! Exchange between kecamatan PCs and the district: signed bundles of rows that travel as
//! files (USB stick, e-mail, any chat app). So far the bundle format itself ([`bundle`]);
//! setting up a kecamatan PC, sending and receiving are issue 13's next steps.

pub mod bundle;
