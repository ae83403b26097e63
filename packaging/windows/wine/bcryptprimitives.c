/* For the installer test under Wine only; never shipped.
 *
 * Rust's standard library (1.78 and newer) draws random numbers with ProcessPrng from
 * bcryptprimitives.dll, which every Windows 10 and 11 has. Wine 8, Debian 12's, has no such
 * DLL, so pantau.exe would not start there. This one gives ProcessPrng from RtlGenRandom.
 * test-installer.sh compiles it with MinGW-w64 into the test's own Wine prefix. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
