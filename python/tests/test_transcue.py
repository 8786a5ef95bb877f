"""Tests of the transcue module, run by make check (tests/python.sh) against
the library just built.  The command's output is the reference: $TRANSCUE
names the transcue binary, $top_srcdir the source tree."""

import doctest
import io
import os
import pydoc
import subprocess
import sys
import threading
import unittest
import warnings

import transcue

TOP = os.environ.get("top_srcdir", ".")
CMD = os.environ.get("TRANSCUE", "transcue")

SAMPLES = [
    "examples/talk.srt",
    "tests/golden/vtt/capability.vtt",
    "tests/golden/ttml/speakers.ttml",
    "tests/golden/transcript/sbv-basic.sbv",
    "tests/golden/srt/noblank.srt",
    "examples/whisper-transcript.txt",
    "examples/youtube-transcript.txt",
    "tests/golden/ass/movie.ass",
]
FORMATS = ["srt", "vtt", "ttml", "sbv", "whisper", "youtube", "json", "ass",
           "text"]
# speech-recognisers' JSON is read when the library was built with yajl;
# the language Whisper names after its segments is read from the end of
# the bytes given
if transcue.formats()["json"][1]:
    SAMPLES += ["tests/golden/json/talk.json",
                "tests/golden/json/whisperx.json"]

REPAIRED = ("1\n00:00:01,000 --> 00:00:02,000\nok\n\n"
            "2\n00:00:03.000 --> 00:00:04,000\nrepaired\n")


def path(rel):
    return os.path.join(TOP, rel)


def slurp(rel):
    with open(path(rel), "rb") as f:
        return f.read()


def command(*args, data=None):
    """The command's standard output for args."""
    p = subprocess.run([CMD] + list(args), input=data,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.stdout.decode("utf-8"), p.returncode


class Parse(unittest.TestCase):
    def test_str_and_bytes(self):
        text = "1\n00:00:01,000 --> 00:00:02,500\nHello\n<i>world</i>\n"
        for data in (text, text.encode()):
            cues = transcue.parse(data)
            self.assertEqual(len(cues), 1)
            c = cues[0]
            self.assertEqual((c.start, c.end), (1000, 2500))
            self.assertEqual(c.text, "Hello\nworld")
            self.assertEqual(c.runs[-1], transcue.Run("world", italic=True))
            self.assertEqual(cues.format, "srt")
            self.assertEqual(cues.warnings, [])

    def test_model_kept(self):
        cues = transcue.parse(slurp("tests/golden/vtt/capability.vtt"))
        self.assertEqual(cues.format, "vtt")
        self.assertEqual(cues.track.lang, "en")
        self.assertEqual([r.id for r in cues.track.regions], ["fred"])
        self.assertEqual(cues[0].id, "intro")
        self.assertEqual(cues[1].region, "fred")
        self.assertEqual(cues[1].voice, "Roger Bingham")
        self.assertEqual(cues[1].place.align, "left")
        ruby = [r for r in cues[3].runs if r.ruby_text]
        self.assertEqual([r.text for r in ruby], ["kan", "ji"])
        self.assertEqual(cues[4].runs[1].time, 10000)
        self.assertEqual(cues[2].place.size, 60.0)

    def test_format_named(self):
        cues = transcue.parse("0:01 hello there\n0:04 and more\n",
                              format="youtube")
        self.assertEqual([c.start for c in cues], [1000, 4000])
        with self.assertRaises(transcue.Error):
            transcue.parse("x", format="nonsense")

    def test_errors_carry_diagnostics(self):
        with self.assertRaises(transcue.Error) as e:
            transcue.parse("")
        d = e.exception.diagnostics
        self.assertEqual(d[0].severity, "error")
        self.assertIn("cannot tell the input format", d[0].message)
        with self.assertRaises(transcue.Error) as e:
            transcue.parse(REPAIRED, strict=True)
        d = [x for x in e.exception.diagnostics if x.severity == "error"]
        self.assertEqual((d[0].line, d[0].col), (6, 0))
        self.assertIn("non-standard timestamp", d[0].message)
        with self.assertRaises(transcue.Error) as e:
            transcue.parse("x", max_chars="many")
        with self.assertRaises(transcue.Error) as e:
            transcue.parse("x", no_such_option=1)
        self.assertIn("unknown option", str(e.exception))

    def test_warnings_on_the_result(self):
        cues = transcue.parse(REPAIRED)
        self.assertEqual(len(cues), 2)
        w = [d for d in cues.warnings if d.severity == "warning"]
        self.assertEqual(len(w), 1)
        self.assertEqual(w[0].line, 6)
        self.assertIn("non-standard timestamp", w[0].message)

    def test_warnings_module(self):
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always", transcue.TranscueWarning)
            transcue.parse(REPAIRED)
        self.assertEqual(len(got), 1)
        self.assertIs(got[0].category, transcue.TranscueWarning)
        self.assertIn("6: warning: non-standard timestamp",
                      str(got[0].message))

    def test_nothing_printed(self):
        code = ("import transcue\n"
                "transcue.parse(%r)\n"
                "transcue.convert(%r, to='vtt', clean=True, lang='en')\n"
                % (REPAIRED, REPAIRED))
        p = subprocess.run([sys.executable, "-c", code],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual((p.stdout, p.stderr), (b"", b""))


class RoundTrip(unittest.TestCase):
    def test_dumps_parse_is_the_command(self):
        for rel in SAMPLES:
            cues = transcue.parse(slurp(rel))
            for fmt in FORMATS:
                want, rc = command("-t", fmt, path(rel))
                with self.subTest(sample=rel, to=fmt):
                    self.assertEqual(rc, 0)
                    self.assertEqual(transcue.dumps(cues, fmt), want)

    def test_convert_is_the_command(self):
        for rel in SAMPLES:
            data = slurp(rel)
            for args, kw in ((["-t", "srt"], {"to": "srt"}),
                             (["--clean", "-t", "vtt"],
                              {"to": "vtt", "clean": True}),
                             (["--clean", "--profile=bbc", "-t", "srt"],
                              {"to": "srt", "clean": True,
                               "profile": "bbc"}),
                             (["-F", "wrap:max-chars=30", "--max-lines=3",
                               "-t", "srt"],
                              {"to": "srt", "filters": ["wrap:max-chars=30"],
                               "max_lines": 3})):
                want, rc = command(*(args + [path(rel)]))
                with self.subTest(sample=rel, args=args):
                    self.assertEqual(rc, 0)
                    self.assertEqual(transcue.convert(data, **kw), want)

    def test_the_readme_example(self):
        data = slurp("examples/whisper-transcript.txt").decode()
        want, rc = command("--clean", path("examples/whisper-transcript.txt"))
        self.assertEqual(rc, 0)
        self.assertEqual(transcue.convert(data, to="srt", clean=True), want)

    def test_convert_errors(self):
        with self.assertRaises(transcue.Error) as e:
            transcue.convert("garbage\n", to="srt", from_="srt")
        self.assertEqual(e.exception.diagnostics[0].severity, "error")
        with self.assertRaises(transcue.Error):
            transcue.convert(REPAIRED, to="srt", filters=["nonsense"])
        out = transcue.convert(REPAIRED, to="vtt")
        self.assertTrue(out.startswith("WEBVTT"))
        self.assertEqual(len([w for w in out.warnings
                              if w.severity == "warning"]), 1)


class Build(unittest.TestCase):
    def test_cues_built_in_code(self):
        cues = [transcue.Cue(1000, 2500, "Hello\nworld", id="a"),
                transcue.Cue(3000, None, "no end given", voice="Ann",
                             place=transcue.Place(vpos="top"))]
        self.assertEqual(transcue.dumps(cues, "srt"),
                         "1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n"
                         "2\n00:00:03,000 --> 00:00:03,833\n{\\an8}no end "
                         "given\n\n")
        self.assertEqual(transcue.dumps(cues, "vtt"),
                         "WEBVTT\n\na\n00:00:01.000 --> 00:00:02.500\n"
                         "Hello\nworld\n\n00:00:03.000 --> 00:00:03.833 "
                         "line:0\n<v Ann>no end given</v>\n\n")

    def test_edit_and_write(self):
        cues = transcue.parse(slurp("examples/talk.srt"))
        cues[0].text = "changed"
        cues[0].end += 500
        del cues[1:]
        out = transcue.dumps(cues, "sbv")
        self.assertEqual(out, "0:00:01.000,0:00:03.500\nchanged\n")

    def test_styled_runs(self):
        c = transcue.Cue(0, 1000, runs=[
            transcue.Run("a", bold=True), transcue.Run(" b"),
            transcue.Run("c", color=0xff0000)])
        self.assertEqual(c.text, "a bc")
        self.assertEqual(transcue.dumps([c], "srt"),
                         "1\n00:00:00,000 --> 00:00:01,000\n<b>a</b> b"
                         "<font color=\"#ff0000\">c</font>\n\n")
        with self.assertRaises(ValueError):
            transcue.dumps([transcue.Cue(0, 1, "x",
                                         place=transcue.Place(vpos="up"))],
                           "srt")

    def test_track(self):
        t = transcue.Track(lang="fr", vtt_header="X-TIMESTAMP-MAP="
                           "MPEGTS:900000,LOCAL:00:00:00.000")
        out = transcue.dumps([transcue.Cue(0, 1000, "x")], "vtt", track=t)
        self.assertTrue(out.startswith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS"))
        out = transcue.dumps([transcue.Cue(0, 1000, "x")], "ttml", track=t)
        self.assertIn('xml:lang="fr"', out)


class Live(unittest.TestCase):
    def test_iterparse_file_objects(self):
        data = slurp("examples/whisper-transcript.txt")
        want = transcue.parse(data)
        for f in (io.BytesIO(data), io.StringIO(data.decode()),
                  io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")):
            got = list(transcue.iterparse(f, chunk=100))
            self.assertEqual(got, list(want))

    def test_iterparse_live_pipe(self):
        # the producer writes one segment, then waits for the consumer to
        # say it has it: a cue held back until the next one would hang
        producer = (
            "import sys\n"
            "for i in range(5):\n"
            "    sys.stdout.write('[00:00:%02d.000 --> 00:00:%02d.500]  "
            "segment %d\\n' % (i, i, i))\n"
            "    sys.stdout.flush()\n"
            "    if sys.stdin.readline() != 'next\\n':\n"
            "        sys.exit(1)\n")
        p = subprocess.Popen([sys.executable, "-c", producer],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        timer = threading.Timer(20, p.kill)
        timer.start()
        got = []
        try:
            it = transcue.iterparse(p.stdout)
            for cue in it:
                got.append(cue.text)
                p.stdin.write(b"next\n")
                p.stdin.flush()
            self.assertEqual(it.format, "whisper")
        finally:
            timer.cancel()
            p.stdin.close()
            p.wait()
        self.assertEqual(got, ["segment %d" % i for i in range(5)])
        self.assertEqual(p.returncode, 0)

    def test_iterparse_errors(self):
        with self.assertRaises(transcue.Error):
            list(transcue.iterparse(io.BytesIO(b"")))


class Threads(unittest.TestCase):
    def test_four_threads_at_once(self):
        inputs = [slurp(rel) for rel in SAMPLES]
        want = [transcue.convert(d, to="vtt", clean=True, lang="en")
                for d in inputs]
        got, errors = {}, []

        def work(k):
            try:
                for _ in range(3):
                    for i, d in enumerate(inputs):
                        out = transcue.convert(d, to="vtt", clean=True,
                                               lang="en")
                        if got.setdefault((k, i), out) != out:
                            errors.append((k, i))
                        if list(transcue.parse(d)) == []:
                            errors.append((k, i, "parse"))
            except Exception as e:  # noqa: BLE001 (reported below)
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,))
                   for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for (k, i), out in got.items():
            self.assertEqual(out, want[i])


class Docs(unittest.TestCase):
    def test_help_is_readable(self):
        text = pydoc.render_doc(transcue, renderer=pydoc.plaintext)
        for name in ("parse(", "iterparse", "dumps(", "convert(", "class Cue",
                     "class Error", "diagnostics", "TranscueWarning"):
            self.assertIn(name, text)
        for f in (transcue.parse, transcue.dumps, transcue.convert,
                  transcue.iterparse, transcue.Cue, transcue.Error):
            self.assertTrue(f.__doc__ and len(f.__doc__) > 40, f)

    def test_docstring_example(self):
        failed, _ = doctest.testmod(transcue)
        self.assertEqual(failed, 0)

    def test_lists(self):
        self.assertIn("srt", transcue.formats())
        self.assertIn("fillers", transcue.filters())
        self.assertIn("max-chars", transcue.options())
        self.assertRegex(transcue.version(), r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
