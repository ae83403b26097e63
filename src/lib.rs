pub mod cli;
pub mod demo;
pub mod domain;
pub mod forecast;
pub mod io;
pub mod rng;
pub mod store;
pub mod ui;
