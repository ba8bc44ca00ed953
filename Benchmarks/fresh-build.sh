# Sourced by the run scripts (POSIX sh). SwiftPM's incremental release builds can keep code
# inlined across modules with an old type layout, or miss a source file added to the main
# package: the benchmark then crashes (a double free, seen with Swift 6.3.1) or measures a
# stale mixture. So a build folder is emptied whenever the sources it would build differ from
# the ones it was last built from, and kept (incremental, fast) otherwise.
#
#   fresh_build_folder ROOT DIR    # ROOT: the repository; DIR: a SwiftPM scratch path

fresh_build_folder() {
    _sources=$(cd "$1" && find Package.swift Sources Benchmarks/Package.swift Benchmarks/Sources -type f \
        -exec sha1sum {} + | LC_ALL=C sort -k 2 | sha1sum | cut -c 1-40)
    if [ "$(cat "$2/.built-from" 2>/dev/null)" != "$_sources" ]; then
        rm -rf "$2"
        mkdir -p "$2"
        printf '%s\n' "$_sources" > "$2/.built-from"
    fi
}
