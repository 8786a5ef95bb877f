#!/bin/sh
# check.sh -- transcue --check beyond the golden cases (tests/golden/check):
# - the JSON report has the shape transcue(1) documents (validated with
#   python3's json module; skipped without python3), and jq reads it as the
#   man page shows (skipped without jq);
# - on a terminal the summary table follows the diagnostics on standard
#   error (under script(1); skipped without it), and not otherwise;
# - the bundled samples: the raw conversion fails the check under every
#   profile; the --clean output passes every check but max-cps; the share
#   of cues over max-cps that --clean's closing warning gives is the count
#   --check finds in its output (one measure for both).  The shares are
#   printed for the log.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
top_srcdir=$(cd "$top_srcdir" && pwd)
: "${TRANSCUE:=$(cd "$top_builddir" && pwd)/transcue}"
pass=0
fail=0
skip=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
g=$top_srcdir/tests/golden/check
ex=$top_srcdir/examples

# ---- the JSON schema ------------------------------------------------------
cat >"$tmp/schema.py" <<'EOF'
import json, sys

NAMES = ["max-chars", "max-lines", "max-cps", "min-duration",
         "max-duration", "min-gap", "overlap", "order", "empty", "bad-time"]
LIMITS = ["max-chars", "max-lines", "max-cps", "min-duration",
          "max-duration", "min-gap"]


def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def integer(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check(doc, max_violations):
    assert isinstance(doc, dict), "not an object"
    assert list(doc) == ["profile", "limits", "checks", "files"], list(doc)
    assert isinstance(doc["profile"], str)
    assert list(doc["limits"]) == LIMITS, list(doc["limits"])
    for k, v in doc["limits"].items():
        assert num(v) and v >= 0, (k, v)
        assert k == "max-cps" or integer(v), (k, v)
    checks = doc["checks"]
    assert checks == [n for n in NAMES if n in checks], checks
    assert isinstance(doc["files"], list)
    for f in doc["files"]:
        assert list(f) == ["file", "cues", "violations", "summary",
                           "complete", "passed"], list(f)
        assert isinstance(f["file"], str)
        assert integer(f["cues"]) and f["cues"] >= 0
        assert isinstance(f["complete"], bool)
        assert isinstance(f["passed"], bool)
        assert list(f["summary"]) == checks, list(f["summary"])
        last = 0
        for v in f["violations"]:
            assert list(v) == ["cue", "check", "value", "limit", "start",
                               "end", "line"], list(v)
            assert integer(v["cue"]) and 1 <= v["cue"] <= f["cues"], v
            assert v["cue"] >= last, "violations out of cue order"
            last = v["cue"]
            assert v["check"] in checks, v
            assert num(v["value"]) and num(v["limit"]), v
            assert integer(v["start"]), v
            assert v["end"] is None or integer(v["end"]), v
            assert integer(v["line"]) and v["line"] >= 0, v
            c, x, l = v["check"], v["value"], v["limit"]
            if c.startswith("max-"):
                assert x > l, v
            elif c.startswith("min-"):
                assert x < l, v
            elif c in ("overlap", "order"):
                assert x > 0 and l == 0, v
            elif c == "empty":
                assert x == 0 and l == 1, v
            else:
                assert x <= 0 and l == 0, v
            if c in LIMITS:
                assert l == doc["limits"][c], v
        for c in checks:
            n = sum(1 for v in f["violations"] if v["check"] == c)
            assert f["summary"][c] == n, (c, f["summary"][c], n)
        total = len(f["violations"])
        assert f["passed"] == (f["complete"] and total <= max_violations), f


check(json.load(sys.stdin), int(sys.argv[1]) if len(sys.argv) > 1 else 0)
EOF
schema() {   # schema NAME MAX-VIOLATIONS ARGS...: the report of ARGS
    name=$1
    mv=$2
    shift 2
    (cd "$g" && "$TRANSCUE" --check --report=json "$@") >"$tmp/r.json" \
        2>/dev/null
    if python3 "$tmp/schema.py" "$mv" <"$tmp/r.json" 2>"$tmp/err"; then
        ok
    else
        bad "JSON of $name does not have the documented shape:"
        cat "$tmp/err"
    fi
}
if command -v python3 >/dev/null 2>&1; then
    schema one-each 0 one-each.srt
    schema several 0 pass.srt one-each.srt missing.srt
    schema max-violations 10 --max-violations=10 one-each.srt
    schema some-checks 0 --checks=max-cps,order,bad-time one-each.srt
    schema stdin 0 - <"$g/one-each.srt"
    schema bbc 0 --profile=bbc --max-cps=17.5 pass.srt
    schema clean 0 --clean --profile=bbc talk.txt -o "$tmp/out.srt"
    schema sample 0 "$ex/whisper-transcript.txt"
    # the validator must catch what it is there to catch
    (cd "$g" && "$TRANSCUE" --check --report=json one-each.srt) 2>/dev/null |
        sed 's/"max-cps": 1,/"max-cps": 2,/' >"$tmp/r.json"
    if python3 "$tmp/schema.py" 0 <"$tmp/r.json" 2>/dev/null; then
        bad "the schema check passes a summary that miscounts"
    else
        ok
    fi
else
    echo "skipped: the JSON schema (no python3)"
    skip=$((skip + 1))
fi

# ---- jq, as the man page shows it ------------------------------------------
if command -v jq >/dev/null 2>&1; then
    got=$(cd "$g" && "$TRANSCUE" --check --report=json pass.srt one-each.srt \
          2>/dev/null | jq -c '.files[].summary["max-cps"]' | tr '\n' ' ')
    if [ "$got" = "0 1 " ]; then ok; else bad "jq read '$got'"; fi
else
    echo "skipped: jq"
    skip=$((skip + 1))
fi

# ---- the table on a terminal -----------------------------------------------
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1; then
    (cd "$g" && script -qec "'$TRANSCUE' --check one-each.srt" /dev/null) \
        >"$tmp/tty" 2>&1
    tr -d '\r' <"$tmp/tty" >"$tmp/tty.txt"
    # the diagnostics, then the table of the file
    if grep -q '^one-each.srt: 10 cues, 00:00:19.860 shown, 10 violations$' \
           "$tmp/tty.txt" &&
       grep -q '^  max-cps        20         1$' "$tmp/tty.txt" &&
       [ "$(grep -n 'cue 10 (' "$tmp/tty.txt" | cut -d: -f1)" -lt \
         "$(grep -n '^one-each.srt: 10 cues' "$tmp/tty.txt" | cut -d: -f1)" ]
    then
        ok
    else
        bad "no table after the diagnostics on a terminal:"
        cat "$tmp/tty.txt"
    fi
    (cd "$g" && script -qec "'$TRANSCUE' -q --check one-each.srt" /dev/null) \
        >"$tmp/tty" 2>&1
    if [ -s "$tmp/tty" ]; then
        bad "--quiet printed on a terminal:"
        cat "$tmp/tty"
    else
        ok
    fi
else
    echo "skipped: the table on a terminal (no script)"
    skip=$((skip + 1))
fi
(cd "$g" && "$TRANSCUE" --check one-each.srt) >"$tmp/out" 2>"$tmp/err"
if grep -q 'cues,' "$tmp/out" "$tmp/err"; then
    bad "a table without a terminal"
else
    ok
fi

# ---- the bundled samples ---------------------------------------------------
for s in youtube whisper; do
    in=$ex/$s-transcript.txt
    for p in netflix bbc youtube; do
        "$TRANSCUE" --check --profile=$p "$in" >/dev/null 2>&1
        rc=$?
        "$TRANSCUE" "$in" -o "$tmp/raw.srt" 2>/dev/null &&
            "$TRANSCUE" --check --profile=$p "$tmp/raw.srt" >/dev/null 2>&1
        rc2=$?
        if [ $rc = 1 ] && [ $rc2 = 1 ]; then
            ok
        else
            bad "$s, $p: the raw transcript passes --check ($rc, $rc2)"
        fi
        "$TRANSCUE" --clean --profile=$p "$in" -o "$tmp/clean.srt" \
            2>"$tmp/clean.err"
        if "$TRANSCUE" --check --checks=-max-cps --profile=$p \
            "$tmp/clean.srt" >/dev/null 2>"$tmp/err"; then
            ok
        else
            bad "$s, $p: the --clean output fails a check but max-cps:"
            head -n 5 "$tmp/err"
        fi
        # the closing warning of --clean and --check count alike
        said=$(sed -n 's/.*% of cues (\([0-9]*\) of \([0-9]*\)) exceed.*/\1 \2/p' \
               "$tmp/clean.err")
        "$TRANSCUE" --check --checks=max-cps --profile=$p "$tmp/clean.srt" \
            >/dev/null 2>"$tmp/err"
        found=$(grep -c 'reading speed' "$tmp/err")
        cues=$(grep -c -- '-->' "$tmp/clean.srt")
        [ -n "$said" ] || said="0 $cues"
        if [ "$said" = "$found $cues" ]; then
            ok
        else
            bad "$s, $p: --clean says '$said' over max-cps, --check finds" \
                "$found of $cues"
        fi
        echo "$s, $p: $found of $cues cues of the --clean output over" \
             "max-cps"
    done
done

echo "check: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
