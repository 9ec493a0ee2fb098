#pragma once

namespace knotmap {

// How long a connection waits for another program's write lock before giving
// up. Commands can afford to wait; the window waits briefly and then keeps
// retrying in the background so it never freezes (ui/pending_writes).
inline constexpr int kCommandBusyTimeoutMs = 30000;
inline constexpr int kWindowBusyTimeoutMs = 400;

// What opening does with a file whose schema is not Knotmap's own or that
// holds rows breaking its constraints (store/open_findings.h).
enum class FindingsPolicy {
    Refuse,       // throw StoreError naming them: nothing is read or written (commands)
    ReadOnlyHide, // open read-only with the bad rows hidden from this connection (window)
    Report        // open as it is, not migrated, for the caller to report (knotmap info)
};

// What a caller lets Database::open do with the path it is given.
struct OpenOptions {
    // Create a new database when nothing is at the path. Only commands that
    // write (demo, import) and the window (after asking) may: a typo in a
    // reading command must not leave a database behind.
    bool createIfMissing = true;
    // Open a file the user may read but not write as a read-only database
    // instead of refusing it.
    bool readOnlyAllowed = false;
    int busyTimeoutMs = kCommandBusyTimeoutMs;
    FindingsPolicy onFindings = FindingsPolicy::Refuse;
};

// Options for a command that only reads: never creates, works on read-only files.
[[nodiscard]] inline OpenOptions readingOptions() {
    OpenOptions options;
    options.createIfMissing = false;
    options.readOnlyAllowed = true;
    return options;
}

} // namespace knotmap
