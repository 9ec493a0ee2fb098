# Sourced first by the full-disk tests, with the test's arguments: they fill
# a small tmpfs they mount. As root the mount is made directly; otherwise the
# test runs again inside a user and mount namespace (unshare -Urm); where
# neither is allowed it says why and exits 77 (CTest: skipped).
can_mount_tmpfs() {
    local probe
    probe=$(mktemp -d "${TMPDIR:-/tmp}/knotmap-mount-probe-XXXXXX")
    if mount -t tmpfs -o size=16k tmpfs "$probe" 2>/dev/null; then
        umount "$probe"
        rmdir "$probe"
        return 0
    fi
    rmdir "$probe"
    return 1
}
if ! can_mount_tmpfs; then
    if [[ -z "${KNOTMAP_FULL_DISK_UNSHARED:-}" ]] && unshare -Urm true 2>/dev/null; then
        export KNOTMAP_FULL_DISK_UNSHARED=1
        exec unshare -Urm bash "$0" "$@"
    fi
    echo "skipped: cannot mount a tmpfs here (mount is not permitted for uid $(id -u), and" \
        "unshare -Urm is not allowed either), so no small disk can be filled"
    exit 77
fi
