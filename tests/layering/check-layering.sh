#!/bin/sh
# Usage: check-layering.sh REPO_ROOT. Exits 1 and names each offending line when a layer
# includes what it must not: backend/ no GUI; models/ and views/ no SQL and no engine/store
# internals.
root=${1:-.}
cd "$root" || exit 2
status=0
hits=$(grep -rnE '#include *[<"](QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QMessageBox|QIcon|QPixmap|QColor|QPainter|QFont)' backend 2>/dev/null)
if [ -n "$hits" ]; then
    echo "backend/ must not include GUI headers:"; echo "$hits"; status=1
fi
for d in models views; do
    [ -d "$d" ] || continue
    hits=$(grep -rnE '#include *[<"](QSql|QtSql|backend/engine/|backend/store/)' "$d" 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "$d/ must not reach SQL or engine/store internals:"; echo "$hits"; status=1
    fi
done
hits=$(grep -rnE '#include *[<"](QtWidgets|QWidget|QDialog|QLabel|QTableView)' models 2>/dev/null)
if [ -n "$hits" ]; then
    echo "models/ must not include widgets:"; echo "$hits"; status=1
fi
# The client API (and so every model and view that includes it) must not pull in the engine, the
# store or QtSql through another header either: the project headers each includes, followed
# transitively, are checked too.
closure() {
    seen=""
    todo="$*"
    while [ -n "$todo" ]; do
        next=""
        for f in $todo; do
            case " $seen " in *" $f "*) continue ;; esac
            seen="$seen $f"
            [ -f "$f" ] && next="$next $(sed -n 's/^#include *"\(backend\/[^"]*\)".*/\1/p' "$f")"
        done
        todo=$next
    done
    echo $seen
}
for start in backend/client/Client.h $(find models views -name '*.h' 2>/dev/null | sort); do
    for f in $(closure "$start"); do
        case "$f" in
        backend/engine/* | backend/store/*)
            echo "$start reaches $f (through its includes)"; status=1 ;;
        esac
        if [ -f "$f" ] && grep -qE '#include *<(QSql|QtSql)' "$f"; then
            echo "$start reaches QtSql through $f"; status=1
        fi
    done
done
[ $status -eq 0 ] && echo "layering: all rules hold"
exit $status
