#!/usr/bin/env bash
# Counts the public top-level types of every exported package of the library modules.
#
# For each src/main/java/module-info.java under the repository root (or the directories given as arguments),
# reads its `exports` lines (qualified exports `exports p to m;` are listed separately, they are not public API)
# and counts, in that package's directory only (not sub-packages), the .java files whose top-level declaration
# is public: a line starting in column 0 with `public`, optional modifiers and class|interface|enum|record|@interface.
# Nested types are not counted; package-info.java and module-info.java are not types.
#
# Usage: scripts/public-types.sh [module-dir...]      (from the repository root; default: every module)
# Output: one line per exported package, "<count> <module> <package>", then the total.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- $(for m in */src/main/java/module-info.java; do echo "${m%%/src/main/java/module-info.java}"; done)
fi
total=0
for module in "$@"; do
  info="$module/src/main/java/module-info.java"
  [ -f "$info" ] || continue
  # `exports a.b;` only; `exports a.b to c;` is qualified and not counted.
  for pkg in $(sed -n 's/^[[:space:]]*exports[[:space:]]\{1,\}\([A-Za-z0-9_.]*\)[[:space:]]*;.*/\1/p' "$info"); do
    dir="$module/src/main/java/${pkg//.//}"
    count=0
    for f in "$dir"/*.java; do
      [ -e "$f" ] || continue
      case "$(basename "$f")" in package-info.java|module-info.java) continue ;; esac
      if grep -Eq '^public[[:space:]]+((final|abstract|sealed|non-sealed|static|strictfp)[[:space:]]+)*(class|interface|enum|record|@interface)[[:space:]]' "$f"; then
        count=$((count + 1))
      fi
    done
    printf '%3d %s %s\n' "$count" "$module" "$pkg"
    total=$((total + count))
  done
done
printf '%3d total\n' "$total"
