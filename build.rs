//! For a Windows build only: puts Pantau's icon and version resource (product name,
//! description, version, copyright) into `pantau.exe`, so Explorer, the taskbar and the
//! file's Properties show them. Other targets build nothing here.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/pantau.ico");
    // The target's OS, not the host's: the installer is cross-built on Linux.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/pantau.ico")
        .set("ProductName", "Pantau e-KTP")
        .set("FileDescription", "Pantau e-KTP")
        .set("InternalName", "pantau")
        .set("OriginalFilename", "pantau.exe")
        .set("CompanyName", "Pantau e-KTP")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("ProductVersion", &version)
        .set("FileVersion", &version)
        // Indonesian (0x0421) first; Windows shows it on any system.
        .set_language(0x0421);
    if let Err(error) = resource.compile() {
        // A Windows build without its resource would ship an exe with no icon: stop here.
        eprintln!("the Windows resource could not be compiled: {error}");
        std::process::exit(1);
    }
}
