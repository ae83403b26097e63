; Pantau e-KTP — the Windows installer (NSIS 3, Unicode).
;
; Built by packaging/windows/build.sh, which cross-builds pantau.exe and runs
;   makensis -DVERSION=0.1.0 -DEXE=/path/to/pantau.exe -DOUTFILE=/path/to/setup.exe pantau.nsi
;
; What it does, for the user who runs it and without administrator rights:
; - asks for the language (Bahasa Indonesia or English) and shows the wizard in it;
; - installs pantau.exe, the licences and the font's OFL into %LOCALAPPDATA%\Programs\Pantau;
; - puts "Pantau e-KTP" in the Start menu;
; - makes *.pantau files (Pantau databases) open in Pantau, with Pantau's icon;
; - registers an uninstaller in Settings → Apps (per user).
; The uninstaller removes exactly those, and keeps the user's data: the databases, the
; demo and the daily backups in %LOCALAPPDATA%\Pantau\data, the settings in
; %APPDATA%\Pantau e-KTP, and any database saved elsewhere.

Unicode true
; pantau.exe is 64-bit; so is the installer (it needs no 32-bit Windows or WoW64).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=x.y.z -DEXE=pantau.exe pantau.nsi"
!endif
!ifndef EXE
  !error "EXE is not defined: the path of the pantau.exe to install"
!endif
; X.Y.Z with numbers only, for the installer's own version resource.
!ifndef NUMERIC_VERSION
  !define NUMERIC_VERSION "${VERSION}"
!endif
!ifndef OUTFILE
  !define OUTFILE "pantau-${VERSION}-setup.exe"
!endif
; The repository's root, relative to this script (makensis works in the script's folder).
!ifndef ROOT
  !define ROOT "../.."
!endif

!define PRODUCT "Pantau e-KTP"
!define SETTINGS_KEY "Software\Pantau e-KTP"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Pantau e-KTP"
!define PROG_ID "Pantau.Database"
!define SHORTCUT "$SMPROGRAMS\Pantau e-KTP.lnk"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Pantau"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
RequestExecutionLevel user
BrandingText "${PRODUCT} ${VERSION}"

; ---------------------------------------------------------------------------------------
; The wizard

!define MUI_ICON "${ROOT}/assets/icons/pantau.ico"
!define MUI_UNICON "${ROOT}/assets/icons/pantau.ico"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${ROOT}/packaging/windows/welcome.bmp"
!define MUI_ABORTWARNING
; The language asked for is remembered, so an update and the uninstaller speak it too.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_WINDOWTITLE "Pantau e-KTP"
!define MUI_LANGDLL_INFO "Pilih bahasa / Please select a language."
!define MUI_FINISHPAGE_RUN "$INSTDIR\pantau.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}/packaging/licences/LICENSE-MIT"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ShortcutDescription ${LANG_INDONESIAN} "Pantau perekaman, pengiriman dan pencetakan e-KTP"
LangString ShortcutDescription ${LANG_ENGLISH} "Track e-KTP recording, sending and printing"
LangString FileTypeName ${LANG_INDONESIAN} "Database Pantau e-KTP"
LangString FileTypeName ${LANG_ENGLISH} "Pantau e-KTP database"
LangString DataKept ${LANG_INDONESIAN} "Data Anda tidak dihapus: database, cadangan harian dan pengaturan tetap ada di $LOCALAPPDATA\Pantau dan $APPDATA\Pantau e-KTP."
LangString DataKept ${LANG_ENGLISH} "Your data is kept: the databases, the daily backups and the settings stay in $LOCALAPPDATA\Pantau and $APPDATA\Pantau e-KTP."
LangString StillRunning ${LANG_INDONESIAN} "Pantau e-KTP masih terbuka. Tutup Pantau, lalu klik Coba lagi."
LangString StillRunning ${LANG_ENGLISH} "Pantau e-KTP is still open. Close Pantau, then click Retry."

; The installer's own version resource (Properties → Details).
VIProductVersion "${NUMERIC_VERSION}.0"
VIFileVersion "${NUMERIC_VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT OR Apache-2.0"

Function .onInit
  ; Bahasa Indonesia is offered first even on an English Windows, as Pantau itself starts in
  ; Indonesian; a language chosen before (an update) is taken without asking.
  StrCpy $LANGUAGE ${LANG_INDONESIAN}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Tells Explorer that file types changed, so *.pantau shows Pantau's icon at once.
!macro NotifyShell
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

; ---------------------------------------------------------------------------------------
; Installing

Section "Pantau e-KTP" SectionMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"

  ; An open Pantau holds pantau.exe: ask to close it rather than fail half-way.
  SetOverwrite try
  retry:
  ClearErrors
  File "/oname=pantau.exe" "${EXE}"
  IfErrors 0 copied
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
    Abort
  copied:
  SetOverwrite on
  File "/oname=LICENSE-MIT.txt" "${ROOT}/packaging/licences/LICENSE-MIT"
  File "/oname=LICENSE-APACHE.txt" "${ROOT}/packaging/licences/LICENSE-APACHE"
  File "/oname=OFL-NotoSans.txt" "${ROOT}/assets/fonts/OFL.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\pantau.exe" "" "$INSTDIR\pantau.exe" 0 \
    SW_SHOWNORMAL "" "$(ShortcutDescription)"

  ; *.pantau opens in Pantau (per user: HKCU\Software\Classes).
  WriteRegStr HKCU "Software\Classes\.pantau" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\.pantau" "Content Type" "application/x-pantau"
  WriteRegStr HKCU "Software\Classes\.pantau\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\pantau.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\pantau.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\pantau.exe" "FriendlyAppName" "${PRODUCT}"
  WriteRegStr HKCU "Software\Classes\Applications\pantau.exe\SupportedTypes" ".pantau" ""
  WriteRegStr HKCU "Software\Classes\Applications\pantau.exe\shell\open\command" "" '"$INSTDIR\pantau.exe" "%1"'

  ; Settings → Apps.
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\pantau.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  !insertmacro NotifyShell
SectionEnd

; ---------------------------------------------------------------------------------------
; Uninstalling: what the installer put there, and nothing of the user's.

Section "Uninstall"
  SetShellVarContext current

  Delete "$INSTDIR\pantau.exe"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\OFL-NotoSans.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: a file the user put there stays, with its folder.
  RMDir "$INSTDIR"
  Delete "${SHORTCUT}"

  ; The file type, where it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.pantau" ""
  StrCmp $0 "${PROG_ID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.pantau" ""
  DeleteRegValue HKCU "Software\Classes\.pantau\OpenWithProgids" "${PROG_ID}"
  DeleteRegValue HKCU "Software\Classes\.pantau" "Content Type"
  DeleteRegKey /ifempty HKCU "Software\Classes\.pantau\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.pantau"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\pantau.exe"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  !insertmacro NotifyShell

  ; Kept: $LOCALAPPDATA\Pantau (databases, demo, backups) and $APPDATA\Pantau e-KTP (settings).
  DetailPrint "$(DataKept)"
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(DataKept)"
SectionEnd
