#!/usr/bin/env python3
"""vtt-wpt-convert.py -- turn the wpt WebVTT expectations (JSON) into the
line format tests/vtt-conformance.c reads, so that `make check` needs no
Python.  Run once from the top source directory after copying the data:

    python3 tests/tools/vtt-wpt-convert.py ../shared/conformance/webvtt-wpt

It copies the .vtt inputs and LICENSE.md into tests/data/webvtt-wpt/ and
writes there:

file-parsing.txt, one record per test:
    test NAME.vtt cues|error COUNT       (COUNT "-" when not asserted)
    cue INDEX                            (then the asserted fields:)
    KEY VALUE                            one per line; region fields as
                                         region.KEY; "region null"
    end
cue-text.txt, one test per line: GROUP TAB INPUT TAB EXPECTED.

Strings are written with %XX for '%', bytes below 0x20 and DEL; numbers
as Python's repr (what strtod reads back exactly); booleans true/false.
"""
import json
import os
import shutil
import sys


def enc(s):
    out = []
    for b in s.encode("utf-8"):
        if b < 0x20 or b == 0x7F or b == 0x25:
            out.append("%%%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out).encode("latin-1").decode("utf-8")


def val(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(float(v))
    return enc(v)


def main(src):
    dst = "tests/data/webvtt-wpt"
    os.makedirs(dst + "/file-parsing/invalid", exist_ok=True)
    shutil.copy(src + "/LICENSE.md", dst + "/LICENSE.md")
    fp = src + "/file-parsing"
    names = sorted(f for f in os.listdir(fp) if f.endswith(".json")
                   and f != "index.json")
    names += sorted("invalid/" + f for f in os.listdir(fp + "/invalid")
                    if f.endswith(".json"))
    with open(dst + "/file-parsing.txt", "w") as out:
        for name in names:
            d = json.load(open(fp + "/" + name))
            sub = os.path.dirname(name)
            vtt = (sub + "/" if sub else "") + d["input"]
            shutil.copy(fp + "/" + vtt, dst + "/file-parsing/" + vtt)
            count = d.get("cue_count")
            out.write("test %s %s %s\n" % (vtt, d["expect"],
                                           "-" if count is None else count))
            for c in d.get("cues") or []:
                out.write("cue %d\n" % c["index"])
                for k, v in c.items():
                    if k == "index":
                        continue
                    if k == "region" and v is not None:
                        for rk, rv in v.items():
                            out.write("region.%s %s\n" % (rk, val(rv)))
                    else:
                        out.write("%s %s\n" % (k, val(v)))
            out.write("end\n")
    ct = json.load(open(src + "/cue-text-parsing/cue-text-tests.json"))
    with open(dst + "/cue-text.txt", "w") as out:
        for t in ct["tests"]:
            out.write("%s\t%s\t%s\n" % (t["file"], enc(t["input"]),
                                        enc(t["expected"])))


main(sys.argv[1])
