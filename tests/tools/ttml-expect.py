#!/usr/bin/env python3
# ttml-expect.py -- turn the JSON expectations of the TTML conformance data
# (../shared/conformance/ttml-imsc) into tab-separated lines that the C test
# program tests/unit/test_ttml_conf.c reads, so that make check needs no
# Python.  Run by hand when the data changes:
#   tests/tools/ttml-expect.py CONFORMANCE_DIR tests/data/ttml
import json
import os
import sys


def seconds(x):
    return repr(float(x))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(os.path.join(src, "imsc1-manifest.json")) as f:
        man = json.load(f)
    with open(os.path.join(dst, "imsc1-expect.txt"), "w") as out:
        out.write("# FILE<TAB>instant:shown ... (seconds; 1 = some text "
                  "is shown until the next instant)\n")
        for t in man["tests"]:
            st = t["expected"]["significant_times"]
            out.write("%s\t%s\n" % (t["file"], " ".join(
                "%s:%d" % (seconds(s), 1 if v else 0) for s, v in st)))
    with open(os.path.join(src, "ttml1", "manifest.json")) as f:
        man = json.load(f)
    with open(os.path.join(dst, "ttml1-expect.txt"), "w") as out:
        out.write("# FILE<TAB>begin end|begin end ... (seconds) of every "
                  "paragraph, in order; - - = not stated\n")
        for t in man["tests"]:
            ps = t["paragraphs"]
            if "computed_begin" not in ps[0]:
                continue
            # "- -": a paragraph whose times upstream does not state
            out.write("ttml1/%s\t%s\n" % (t["file"], "|".join(
                "%s %s" % (seconds(p["computed_begin"]["seconds"]),
                           seconds(p["computed_end"]["seconds"]))
                if "computed_begin" in p else "- -" for p in ps)))
    with open(os.path.join(src, "ttml-time-expressions.json")) as f:
        tex = json.load(f)
    with open(os.path.join(dst, "time-expressions.txt"), "w") as out:
        out.write("# EXPR<TAB>frameRate<TAB>multiplier<TAB>tickRate<TAB>"
                  "timeBase<TAB>dropMode<TAB>seconds or error\n")
        for t in tex["tests"]:
            c = t["context"]
            rate = c.get("frameRate", "30").split()[0]
            exp = t["expected"]
            if exp == "error":
                val = "error"
            elif "ttconv-specific" in t.get("note", ""):
                # ttconv clamps the leap second 60 to 59; TTML's clock-time
                # grammar allows 60, and transcue reads it as written
                val = "60.0"
            else:
                val = seconds(exp["seconds"])
            out.write("\t".join([t["expr"], rate,
                                 c.get("frameRateMultiplier", "1 1"),
                                 str(c.get("tickRate", 1)),
                                 c.get("timeBase", "media"),
                                 c.get("dropMode", "nonDrop"), val]) + "\n")
    with open(os.path.join(src, "ttml-colors.json")) as f:
        col = json.load(f)
    with open(os.path.join(dst, "colors.txt"), "w") as out:
        out.write("# INPUT<TAB>RRGGBBAA or error\n")
        for t in col["tests"]:
            v = t["rgba"]
            out.write("%s\t%s\n" % (t["input"], "error" if v == "error"
                                    else "%02x%02x%02x%02x" % tuple(v)))


main()
