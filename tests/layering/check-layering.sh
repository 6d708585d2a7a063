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
[ $status -eq 0 ] && echo "layering: all rules hold"
exit $status
