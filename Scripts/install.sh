#!/usr/bin/env bash
# Installs moodsketch like any command-line tool:
#
#   Scripts/install.sh [--prefix DIR] [--from-build DIR]     install or upgrade
#   Scripts/install.sh --uninstall [--prefix DIR]            remove every installed file
#
# --prefix   where to install; default /usr/local as root, ~/.local otherwise.
# --from-build DIR
#            install the binary and resource bundles already built in DIR (e.g. .build/debug)
#            instead of building release first (the tests use this; it never runs swift).
#
# Installed (PREFIX/...):
#   bin/moodsketch
#   share/moodsketch/            composition-model.json, lexicon.tsv and every other file of the
#                                SwiftPM resource bundles (the binary looks here first, relative to
#                                its own real path; $MOODSKETCH_RESOURCES overrides)
#   share/man/man1/moodsketch.1  from swift-argument-parser's manual generator (see below)
#   share/bash-completion/completions/moodsketch, share/zsh/site-functions/_moodsketch,
#   share/fish/vendor_completions.d/moodsketch.fish   (moodsketch --generate-completion-script)
#   share/doc/moodsketch/LICENSE, NOTICE
#   share/moodsketch/installed-files                  the list --uninstall removes
#
# The man page: after its release build the script runs `swift package generate-manual`,
# swift-argument-parser's plugin (it works offline from the checked-out dependency: it builds its
# `generate-manual` tool, which reads the binary's `--experimental-dump-help`). With --from-build it
# runs that tool directly on the staged binary when a previous plugin run left it built; otherwise it
# writes a plain man page from the `--help` text of each command (a .TH header, then the help in a
# no-fill block), so an install never fails for want of the generator.
#
# Everything is staged in a hidden folder inside PREFIX and then renamed into place; if any step
# fails, files already replaced are put back, so there is never a half-installed moodsketch.
# Exit codes: 64 usage, 66 missing build, 73 cannot write PREFIX.
set -euo pipefail

fail() {
  echo "moodsketch: $1" >&2
  exit "$2"
}

root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $(id -u) -eq 0 ]]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
from_build=""
uninstall=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix)
      [[ $# -ge 2 ]] || fail "--prefix needs a folder, e.g. --prefix ~/.local" 64
      prefix="$2"; shift 2 ;;
    --from-build)
      [[ $# -ge 2 ]] || fail "--from-build needs a build folder, e.g. --from-build .build/debug" 64
      from_build="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1; use --prefix DIR, --from-build DIR or --uninstall" 64 ;;
  esac
done
prefix="${prefix%/}"
[[ -n "$prefix" ]] || prefix=/

manifest_rel="share/moodsketch/installed-files"

if [[ $uninstall -eq 1 ]]; then
  manifest="$prefix/$manifest_rel"
  [[ -f "$manifest" ]] || fail "no moodsketch installation in $prefix ($manifest is missing); pass the --prefix it was installed with" 66
  [[ -w "$prefix/share/moodsketch" ]] || fail "cannot uninstall from $prefix: not writable; run as its owner (e.g. with sudo)" 73
  while IFS= read -r rel; do
    [[ -n "$rel" ]] && rm -f "$prefix/$rel"
  done <"$manifest"
  rm -f "$manifest"
  rmdir "$prefix/share/moodsketch" "$prefix/share/doc/moodsketch" 2>/dev/null || true
  echo "removed moodsketch from $prefix"
  exit 0
fi

# Fail before any build when the prefix cannot take the files: it, or its nearest existing parent,
# must be a writable folder (nothing is created until everything is staged).
existing="$prefix"
while [[ ! -e "$existing" ]]; do existing="$(dirname "$existing")"; done
if [[ ! -d "$existing" || ! -w "$existing" ]]; then
  fail "cannot install into $prefix: it is not a writable folder; choose --prefix ~/.local or run as root" 73
fi
targets=(bin share share/moodsketch share/man/man1 share/bash-completion/completions
  share/zsh/site-functions share/fish/vendor_completions.d share/doc/moodsketch)
for dir in "${targets[@]}"; do
  if [[ -e "$prefix/$dir" && ( ! -d "$prefix/$dir" || ! -w "$prefix/$dir" ) ]]; then
    fail "cannot install into $prefix/$dir: it is not a writable folder; fix its permissions or choose another --prefix" 73
  fi
done

if [[ -z "$from_build" ]]; then
  echo "building release (swift build -c release --product moodsketch)…" >&2
  (cd "$root" && swift build -c release --product moodsketch >&2)
  from_build="$root/.build/release"
fi
from_build="$(cd "$from_build" 2>/dev/null && pwd)" || fail "--from-build: no such folder; build first with swift build" 66
binary="$from_build/moodsketch"
[[ -x "$binary" ]] || fail "$binary is missing; build it first with swift build -c release" 66
shopt -s nullglob
bundles=("$from_build"/moodsketch_*.resources)
shopt -u nullglob
[[ ${#bundles[@]} -gt 0 ]] || fail "no resource bundles (moodsketch_*.resources) in $from_build; build it first" 66

mkdir -p "$prefix" 2>/dev/null ||
  fail "cannot install into $prefix: it cannot be created; choose --prefix ~/.local or run as root" 73
stage="$(mktemp -d "$prefix/.moodsketch-install.XXXXXX" 2>/dev/null)" ||
  fail "cannot install into $prefix: cannot create a staging folder there; check its permissions" 73
trap 'rm -rf "$stage"' EXIT
new="$stage/new"
mkdir -p "$new/bin" "$new/share/moodsketch" "$new/share/man/man1" "$new/share/bash-completion/completions" \
  "$new/share/zsh/site-functions" "$new/share/fish/vendor_completions.d" "$new/share/doc/moodsketch"

cp "$binary" "$new/bin/moodsketch"
for bundle in "${bundles[@]}"; do
  for file in "$bundle"/Resources/*; do
    name="$(basename "$file")"
    [[ -f "$file" && "$name" != .keep ]] || continue
    [[ ! -e "$new/share/moodsketch/$name" ]] || fail "two resource bundles both hold $name; rename one" 65
    cp "$file" "$new/share/moodsketch/$name"
  done
done
cp "$root/LICENSE" "$root/NOTICE" "$new/share/doc/moodsketch/"

# Completions and help come from the staged binary, which already finds its staged resources.
"$new/bin/moodsketch" --generate-completion-script bash >"$new/share/bash-completion/completions/moodsketch"
"$new/bin/moodsketch" --generate-completion-script zsh >"$new/share/zsh/site-functions/_moodsketch"
"$new/bin/moodsketch" --generate-completion-script fish >"$new/share/fish/vendor_completions.d/moodsketch.fish"

# The man page: swift-argument-parser's manual generator, else the help text (see the header).
man="$new/share/man/man1/moodsketch.1"
plugin_page="$root/.build/plugins/GenerateManual/outputs/moodsketch/moodsketch.1"
mkdir -p "$stage/man"
if [[ "$from_build" == "$root/.build/release" ]] &&
  (cd "$root" && rm -f "$plugin_page" && swift package generate-manual --authors "the moodsketch authors" >&2) &&
  [[ -f "$plugin_page" ]]; then
  # The plugin documents the release binary it (re)built: the one being installed.
  cp "$plugin_page" "$man"
else
  tool=""
  for candidate in "$root"/.build/*/release/generate-manual-tool "$root"/.build/*/debug/generate-manual-tool; do
    if [[ -x "$candidate" ]]; then tool="$candidate"; break; fi
  done
  if [[ -n "$tool" ]] && "$tool" "$new/bin/moodsketch" --authors "the moodsketch authors" \
    --output-directory "$stage/man" >/dev/null 2>&1 && [[ -f "$stage/man/moodsketch.1" ]]; then
    cp "$stage/man/moodsketch.1" "$man"
  else
    {
      printf '.TH MOODSKETCH 1 "%s" "moodsketch %s"\n' "$(date -u +%Y-%m-%d)" \
        "$("$new/bin/moodsketch" --version | head -1 | cut -d' ' -f2)"
      printf '.SH NAME\nmoodsketch\n.SH DESCRIPTION\n.nf\n'
      "$new/bin/moodsketch" --help | sed 's/\\/\\e/g; s/^\./\\\&./'
      for command in $("$new/bin/moodsketch" --help | awk '/^SUBCOMMANDS:/ {on=1; next} on && /^  [a-z]/ {print $1}'); do
        printf '\n.SH %s\n' "$(echo "moodsketch $command" | tr a-z A-Z)"
        "$new/bin/moodsketch" "$command" --help | sed 's/\\/\\e/g; s/^\./\\\&./'
      done
      printf '.fi\n'
    } >"$man"
  fi
fi

(cd "$new" && find . -type f | sed 's|^\./||' | sort) >"$stage/manifest"
echo "$manifest_rel" >>"$stage/manifest"
cp "$stage/manifest" "$new/$manifest_rel"

# Rename each file into place, keeping what it replaces until every file is in; undo on failure.
moved=()
rollback() {
  for rel in "${moved[@]}"; do
    if [[ -e "$stage/old/$rel" ]]; then mv -f "$stage/old/$rel" "$prefix/$rel"; else rm -f "$prefix/$rel"; fi
  done
}
while IFS= read -r rel; do
  dir="$(dirname "$rel")"
  if ! mkdir -p "$prefix/$dir" "$stage/old/$dir" 2>/dev/null; then
    rollback
    fail "cannot install into $prefix/$dir: cannot create it; nothing was changed" 73
  fi
  [[ -e "$prefix/$rel" ]] && mv -f "$prefix/$rel" "$stage/old/$rel"
  if ! mv -f "$new/$rel" "$prefix/$rel" 2>/dev/null; then
    [[ -e "$stage/old/$rel" ]] && mv -f "$stage/old/$rel" "$prefix/$rel"
    rollback
    fail "cannot install $prefix/$rel; nothing was changed" 73
  fi
  moved+=("$rel")
done <"$stage/manifest"

# An upgrade drops what an older version installed and this one does not.
if [[ -f "$stage/old/$manifest_rel" ]]; then
  grep -vxF -f "$stage/manifest" "$stage/old/$manifest_rel" | while IFS= read -r rel; do
    [[ -n "$rel" ]] && rm -f "$prefix/$rel"
  done || true
fi

echo "installed moodsketch into $prefix:"
sed 's|^|  |' "$prefix/$manifest_rel"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "add $prefix/bin to PATH to run moodsketch" ;; esac
