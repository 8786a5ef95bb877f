"""Subtitles and speech transcripts: read, clean and write them.

transcue is a binding of libtranscue, the C library behind the transcue
command, written with ctypes over the library's public interface: the same
readers, filters and writers, the same results.

    >>> import transcue
    >>> cues = transcue.parse("1\\n00:00:01,000 --> 00:00:02,500\\nHello\\n")
    >>> cues[0].start, cues[0].end, cues[0].text
    (1000, 2500, 'Hello')
    >>> print(transcue.dumps(cues, "vtt"), end="")
    WEBVTT
    <BLANKLINE>
    00:00:01.000 --> 00:00:02.500
    Hello
    <BLANKLINE>

Functions:

    parse(data, format=None, strict=False, **options)   -> CueList
    iterparse(fileobj, format=None, strict=False, **options)
                                     -> an iterator of Cue, as they are read
    dumps(cues, format, strict=False, **options)        -> Output (a str)
    convert(data, to, from_=None, clean=False, filters=(), profile=None,
            strict=False, **options)                    -> Output (a str)

Times are int milliseconds.  Formats are named as on the command line
("srt", "vtt", "ttml", "sbv", "whisper", "youtube"; see formats()).
Options are the command's long options with '_' for '-': max_chars=37,
lang="de", encoding="windows-1252", vtt_regions=True ...; list them with
options().

Problems: an error raises Error, whose .diagnostics list what the library
said (each a Diagnostic with .severity, .line, .col, .message).  Repairs
and notes never print: they are in the result's .warnings, and each
warning also goes through the warnings module as a TranscueWarning, which
is ignored unless a filter asks for it, e.g.
warnings.simplefilter("always", transcue.TranscueWarning).

The library is found through $TRANSCUE_LIBRARY, then where make install
put it (or, not installed, the source tree's own build: PYTHONPATH=python
in a tree built with ./setup.sh), then the system's library path.
"""

import ctypes
import ctypes.util
import io as _io
import os
import warnings

__all__ = [
    "parse", "iterparse", "dumps", "convert", "Cue", "Run", "Place",
    "Track", "Region", "CueList", "Output", "Diagnostic", "Error",
    "TranscueWarning", "formats", "filters", "options", "version",
]


class TranscueWarning(UserWarning):
    """A repair or a remark of the library (a Diagnostic's message)."""


# Quiet unless asked: appended, so that any filter a program or -W adds
# comes first.
warnings.filterwarnings("ignore", category=TranscueWarning, append=True)


# ---- the library ---------------------------------------------------------

def _candidates():
    env = os.environ.get("TRANSCUE_LIBRARY")
    if env:
        yield env
    try:
        from . import _paths  # written by make install
        yield _paths.LIBRARY
    except ImportError:
        # not installed: python/transcue of a source tree built in place
        here = os.path.dirname(os.path.abspath(__file__))
        libs = os.path.join(here, os.pardir, os.pardir, ".libs")
        if os.path.isdir(libs):
            for name in sorted(os.listdir(libs)):
                if name.startswith("libtranscue.so."):
                    yield os.path.join(libs, name)
                    break
    found = ctypes.util.find_library("transcue")
    if found:
        yield found
    yield "libtranscue.so"


def _load():
    errors = []
    for name in _candidates():
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            errors.append(str(e))
    raise ImportError("transcue: cannot load libtranscue (set "
                      "TRANSCUE_LIBRARY to its path): " + "; ".join(errors))


_lib = _load()

_c = ctypes
_p = _c.c_void_p


class _Diag(_c.Structure):
    _fields_ = [("sev", _c.c_int), ("id", _c.c_int), ("file", _c.c_char_p),
                ("line", _c.c_ulong), ("col", _c.c_uint),
                ("message", _c.c_char_p), ("detail", _c.c_char_p)]


class _Style(_c.Structure):
    _fields_ = [("style", _c.c_uint), ("color", _c.c_uint32),
                ("voice", _c.c_char_p), ("lang", _c.c_char_p),
                ("cls", _c.c_char_p), ("time", _c.c_int64)]


class _Place(_c.Structure):
    _fields_ = [("vpos", _c.c_int), ("align", _c.c_int),
                ("vertical", _c.c_int), ("line", _c.c_double),
                ("line_percent", _c.c_int), ("line_align", _c.c_int),
                ("position", _c.c_double), ("position_align", _c.c_int),
                ("size", _c.c_double), ("line_set", _c.c_int)]


class _Region(_c.Structure):
    _fields_ = [("id", _c.c_char_p), ("width", _c.c_double),
                ("lines", _c.c_long), ("anchor_x", _c.c_double),
                ("anchor_y", _c.c_double), ("vp_x", _c.c_double),
                ("vp_y", _c.c_double), ("scroll_up", _c.c_int)]


class _Option(_c.Structure):
    _fields_ = [("name", _c.c_char_p), ("def_", _c.c_char_p),
                ("help", _c.c_char_p)]


_DIAG_FN = _c.CFUNCTYPE(None, _c.POINTER(_Diag), _p)


def _fn(name, res, *args):
    f = getattr(_lib, name)
    f.restype = res
    f.argtypes = list(args)
    return f


_ci, _cs, _sz, _i64 = _c.c_int, _c.c_char_p, _c.c_size_t, _c.c_int64
_pp = _c.POINTER(_p)

_strerror = _fn("tc_strerror", _cs, _ci)
_version_string = _fn("tc_version_string", _cs)
_severity_name = _fn("tc_severity_name", _cs, _ci)
_ctx_new = _fn("tc_ctx_new", _p)
_ctx_free = _fn("tc_ctx_free", None, _p)
_ctx_set_diag = _fn("tc_ctx_set_diag", None, _p, _DIAG_FN, _p)
_ctx_set_strict = _fn("tc_ctx_set_strict", None, _p, _ci)
_ctx_set_option = _fn("tc_ctx_set_option", _ci, _p, _cs, _cs)
_ctx_add_filter = _fn("tc_ctx_add_filter", _ci, _p, _cs)
_ctx_add_preset = _fn("tc_ctx_add_preset", _ci, _p, _cs)
_ctx_check = _fn("tc_ctx_check", _ci, _p)
_option_at = _fn("tc_option_at", _c.POINTER(_Option), _sz)
_format_at = _fn("tc_format_at", _p, _sz)
_format_find = _fn("tc_format_find", _p, _cs)
_format_name = _fn("tc_format_name", _cs, _p)
_format_desc = _fn("tc_format_desc", _cs, _p)
_format_can_read = _fn("tc_format_can_read", _ci, _p)
_format_can_write = _fn("tc_format_can_write", _ci, _p)
_filter_at = _fn("tc_filter_at", _p, _sz)
_filter_name = _fn("tc_filter_name", _cs, _p)
_filter_desc = _fn("tc_filter_desc", _cs, _p)
_reader_new = _fn("tc_reader_new", _ci, _p, _p, _pp)
_reader_feed = _fn("tc_reader_feed", _ci, _p, _c.c_char_p, _sz)
_reader_feed_end = _fn("tc_reader_feed_end", _ci, _p)
_reader_next = _fn("tc_reader_next", _ci, _p, _pp)
_reader_format = _fn("tc_reader_format", _p, _p)
_reader_track = _fn("tc_reader_track", _p, _p)
_reader_free = _fn("tc_reader_free", None, _p)
_writer_new = _fn("tc_writer_new", _ci, _p, _p, _pp)
_writer_track = _fn("tc_writer_track", _ci, _p, _p)
_writer_put = _fn("tc_writer_put", _ci, _p, _p)
_writer_finish = _fn("tc_writer_finish", _ci, _p)
_writer_data = _fn("tc_writer_data", _c.POINTER(_c.c_char), _p,
                   _c.POINTER(_sz))
_writer_free = _fn("tc_writer_free", None, _p)
_transfer = _fn("tc_transfer", _ci, _p, _p)
_cue_new = _fn("tc_cue_new", _p, _p)
_cue_free = _fn("tc_cue_free", None, _p)
_cue_start = _fn("tc_cue_start", _i64, _p)
_cue_end = _fn("tc_cue_end", _i64, _p)
_cue_set_times = _fn("tc_cue_set_times", _ci, _p, _i64, _i64)
_cue_id = _fn("tc_cue_id", _cs, _p)
_cue_set_id = _fn("tc_cue_set_id", _ci, _p, _cs, _sz)
_cue_region = _fn("tc_cue_region", _cs, _p)
_cue_set_region = _fn("tc_cue_set_region", _ci, _p, _cs, _sz)
_cue_line = _fn("tc_cue_line", _c.c_ulong, _p)
_cue_set_line = _fn("tc_cue_set_line", None, _p, _c.c_ulong)
_cue_place = _fn("tc_cue_place_v", None, _p, _c.POINTER(_Place), _sz)
_cue_set_place = _fn("tc_cue_set_place_v", _ci, _p, _c.POINTER(_Place), _sz)
_cue_runs = _fn("tc_cue_runs", _sz, _p)
_cue_run_text = _fn("tc_cue_run_text", _c.POINTER(_c.c_char), _p, _sz,
                    _c.POINTER(_sz))
_cue_run_style = _fn("tc_cue_run_style_v", _ci, _p, _sz,
                     _c.POINTER(_Style), _sz)
_cue_append = _fn("tc_cue_append_v", _ci, _p, _c.c_char_p, _sz,
                  _c.POINTER(_Style), _sz)
_place_init = _fn("tc_place_init_v", None, _c.POINTER(_Place), _sz)
_track_new = _fn("tc_track_new", _p)
_track_free = _fn("tc_track_free", None, _p)
_track_get = _fn("tc_track_get", _cs, _p, _cs)
_track_set = _fn("tc_track_set", _ci, _p, _cs, _cs)
_track_regions = _fn("tc_track_regions", _sz, _p)
_track_region = _fn("tc_track_region_v", _ci, _p, _sz, _c.POINTER(_Region),
                    _sz)
_track_add_region = _fn("tc_track_add_region_v", _ci, _p,
                        _c.POINTER(_Region), _sz)

_OK, _MORE, _END, _NOMEM = 0, 1, 2, -1
_TIME_NONE = -(1 << 63)
_LINE_AUTO = -1e308
_ITALIC, _BOLD, _UNDERLINE, _COLOR, _RUBY, _RT = 1, 2, 4, 8, 16, 32
_VPOS = ("auto", "bottom", "middle", "top")
_ALIGN = ("auto", "start", "center", "end", "left", "right")
_VERTICAL = (None, "rl", "lr")
_SEVERITY = ("note", "warning", "error", "fatal")


def version():
    """The version of the library in use, "MAJOR.MINOR.PATCH"."""
    return _version_string().decode()


def _s(b):
    return None if b is None else b.decode("utf-8", "replace")


def _b(s):
    return None if s is None else str(s).encode("utf-8")


def formats():
    """{name: (description, can read, can write)} of every format."""
    out, i = {}, 0
    while _format_at(i):
        f = _format_at(i)
        out[_s(_format_name(f))] = (_s(_format_desc(f)),
                                    bool(_format_can_read(f)),
                                    bool(_format_can_write(f)))
        i += 1
    return out


def filters():
    """{name: description} of every cleanup filter."""
    out, i = {}, 0
    while _filter_at(i):
        f = _filter_at(i)
        out[_s(_filter_name(f))] = _s(_filter_desc(f))
        i += 1
    return out


def options():
    """{name: (default or None, help)} of the options a context knows; pass
    them as keyword arguments with '_' for '-'."""
    out, i = {}, 0
    while _option_at(i):
        o = _option_at(i).contents
        out[_s(o.name)] = (_s(o.def_), _s(o.help))
        i += 1
    return out


# ---- diagnostics and errors ------------------------------------------------

class Diagnostic:
    """One message of the library.

    severity  "note", "warning", "error" or "fatal"
    line, col the input's line and column (1-based; 0: not known)
    message   the whole text: the kind, then the specifics
    kind      the fixed text of the kind ("non-standard timestamp")
    detail    the specifics, or None
    id        the kind's stable number (TC_D_* in transcue.h)
    file      the input or output it is about, or None
    """

    __slots__ = ("severity", "line", "col", "message", "kind", "detail",
                 "id", "file")

    def __init__(self, severity, line, col, kind, detail=None, id=-1,
                 file=None):
        self.severity = severity
        self.line = line
        self.col = col
        self.kind = kind
        self.detail = detail
        self.id = id
        self.file = file
        if detail is None:
            self.message = kind
        elif kind == severity:
            self.message = detail
        else:
            self.message = kind + ": " + detail

    def __str__(self):
        where = ""
        if self.line:
            where = "%d:" % self.line
            if self.col:
                where += "%d:" % self.col
            where += " "
        return "%s%s: %s" % (where, self.severity, self.message)

    def __repr__(self):
        return "Diagnostic(%r, %d, %d, %r)" % (self.severity, self.line,
                                               self.col, self.message)


class Error(Exception):
    """The library refused: .diagnostics says why (a list of Diagnostic,
    warnings included), .status is its tc_status code."""

    def __init__(self, message, diagnostics=(), status=-3):
        Exception.__init__(self, message)
        self.diagnostics = list(diagnostics)
        self.status = status


class _Context:
    """A library context with the call's settings; collects diagnostics."""

    def __init__(self, strict=False, options=None, filters=(), clean=False,
                 profile=None):
        self.diags = []
        self.ptr = _ctx_new()
        if not self.ptr:
            raise MemoryError("transcue: no memory for a context")
        self._cb = _DIAG_FN(self._collect)
        _ctx_set_diag(self.ptr, self._cb, None)
        _ctx_set_strict(self.ptr, 1 if strict else 0)
        try:
            if profile is not None:
                self.check(_ctx_set_option(self.ptr, b"profile",
                                           _b(profile)), "profile")
            for key, value in (options or {}).items():
                self.check(_ctx_set_option(self.ptr, _option_name(key),
                                           _option_value(value)),
                           "option " + key)
            if clean:
                self.check(_ctx_add_preset(self.ptr, b"clean"), "clean")
            for spec in filters:
                self.check(_ctx_add_filter(self.ptr, _filter_spec(spec)),
                           "filter %r" % (spec,))
            if filters or clean:
                self.check(_ctx_check(self.ptr), "filters")
        except BaseException:
            self.close()
            raise

    def _collect(self, d, ud):
        d = d.contents
        sev = _SEVERITY[d.sev] if 0 <= d.sev < 4 else "error"
        self.diags.append(Diagnostic(sev, d.line, d.col, _s(d.message),
                                     _s(d.detail), d.id, _s(d.file)))

    def check(self, rc, what):
        if rc == _NOMEM:
            raise MemoryError("transcue: out of memory")
        if rc < 0:
            raise self.error(rc, what)
        return rc

    def error(self, rc, what):
        errors = [d for d in self.diags
                  if d.severity in ("error", "fatal")]
        why = "; ".join(str(d) for d in errors) or _s(_strerror(rc))
        return Error("%s: %s" % (what, why), self.diags, rc)

    def failed(self):
        return any(d.severity in ("error", "fatal") for d in self.diags)

    def warnings(self, stacklevel=3):
        """The diagnostics that are not errors; each warning also goes to
        the warnings module."""
        quiet = [d for d in self.diags if d.severity in ("note", "warning")]
        for d in quiet:
            if d.severity == "warning":
                warnings.warn(str(d), TranscueWarning, stacklevel=stacklevel)
        return quiet

    def close(self):
        if self.ptr:
            _ctx_free(self.ptr)
            self.ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _option_name(key):
    name = key.replace("_", "-")
    return name.encode()


def _option_value(value):
    if value is True:
        return b"yes"
    if value is False:
        return b"no"
    if value is None:
        return None
    return str(value).encode("utf-8")


def _filter_spec(spec):
    """"wrap", "wrap:max-chars=30" or ("wrap", {"max_chars": 30})."""
    if isinstance(spec, str):
        return spec.encode("utf-8")
    name, opts = spec
    parts = ["%s=%s" % (k.replace("_", "-"), _option_value(v).decode())
             for k, v in opts.items()]
    return (name + (":" + ",".join(parts) if parts else "")).encode("utf-8")


def _format(name, write=False):
    if name is None:
        return None
    f = _format_find(name.encode())
    if not f:
        raise Error("unknown format %r (see transcue.formats())" % name,
                    status=-7)
    if write and not _format_can_write(f):
        raise Error("format %r cannot be written" % name, status=-9)
    if not write and not _format_can_read(f):
        raise Error("format %r cannot be read" % name, status=-9)
    return f


def _bytes(data):
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("transcue: data must be str or bytes, not %s"
                    % type(data).__name__)


# ---- the model -------------------------------------------------------------

class Run:
    """A piece of a cue's text with one style.

    text        UTF-8 text; "\\n" is a line break
    italic, bold, underline   bool
    color       0xRRGGBB, or None
    ruby        the text is the base of a ruby annotation
    ruby_text   the text is ruby text (annotation of the base before it)
    voice       the speaker, or None
    lang        a BCP 47 tag, or None
    classes     WebVTT class names, space-separated, or None
    time        an inline timestamp (ms) before the run, or None
    """

    __slots__ = ("text", "italic", "bold", "underline", "color", "ruby",
                 "ruby_text", "voice", "lang", "classes", "time")

    def __init__(self, text="", italic=False, bold=False, underline=False,
                 color=None, ruby=False, ruby_text=False, voice=None,
                 lang=None, classes=None, time=None):
        self.text = text
        self.italic = italic
        self.bold = bold
        self.underline = underline
        self.color = color
        self.ruby = ruby
        self.ruby_text = ruby_text
        self.voice = voice
        self.lang = lang
        self.classes = classes
        self.time = time

    def _key(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __eq__(self, other):
        return isinstance(other, Run) and self._key() == other._key()

    def __repr__(self):
        extra = ["%s=%r" % (k, getattr(self, k)) for k in self.__slots__[1:]
                 if getattr(self, k) not in (None, False)]
        return "Run(%s)" % ", ".join([repr(self.text)] + extra)


class Place:
    """Where a cue shows.  vpos: "auto", "bottom", "middle", "top"; align:
    "auto", "start", "center", "end", "left", "right"; the rest are
    WebVTT's cue settings: vertical (None, "rl", "lr"), line (None: auto;
    a number, a percentage when line_percent), line_align, position
    (None: auto; percent), position_align, size (percent)."""

    __slots__ = ("vpos", "align", "vertical", "line", "line_percent",
                 "line_align", "position", "position_align", "size")

    def __init__(self, vpos="auto", align="auto", vertical=None, line=None,
                 line_percent=False, line_align="auto", position=None,
                 position_align="auto", size=100.0):
        self.vpos = vpos
        self.align = align
        self.vertical = vertical
        self.line = line
        self.line_percent = line_percent
        self.line_align = line_align
        self.position = position
        self.position_align = position_align
        self.size = size

    def _key(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __eq__(self, other):
        return isinstance(other, Place) and self._key() == other._key()

    def __repr__(self):
        d = Place()
        extra = ["%s=%r" % (k, getattr(self, k)) for k in self.__slots__
                 if getattr(self, k) != getattr(d, k)]
        return "Place(%s)" % ", ".join(extra)


class Cue:
    """One cue: start and end (int ms; end None lets the writer infer it
    from the text and the next cue), the text, and all the model keeps.

    text      the plain text, "\\n" between lines (ruby text left out);
              setting it replaces the runs with one plain run
    runs      the styled pieces of the text (a list of Run)
    id        the cue's identifier, or None
    region    the WebVTT or TTML region, or None
    voice     the speaker of the text (of its first run), or None; setting
              it sets every run's
    place     a Place
    line      the input line it began on (0: none), for messages
    """

    __slots__ = ("start", "end", "runs", "id", "region", "place", "line")

    def __init__(self, start, end, text="", id=None, region=None,
                 voice=None, place=None, runs=None, line=0):
        self.start = int(start)
        self.end = None if end is None else int(end)
        if runs is not None:
            self.runs = list(runs)
        else:
            self.runs = [Run(text, voice=voice)] if text else []
        if runs is not None and voice is not None:
            self.voice = voice
        self.id = id
        self.region = region
        self.place = place if place is not None else Place()
        self.line = line

    @property
    def text(self):
        return "".join(r.text for r in self.runs if not r.ruby_text)

    @text.setter
    def text(self, value):
        voice = self.voice
        self.runs = [Run(value, voice=voice)] if value else []

    @property
    def voice(self):
        for r in self.runs:
            return r.voice
        return None

    @voice.setter
    def voice(self, value):
        for r in self.runs:
            r.voice = value

    def _key(self):
        return (self.start, self.end, self.runs, self.id, self.region,
                self.place)

    def __eq__(self, other):
        return isinstance(other, Cue) and self._key() == other._key()

    def __repr__(self):
        extra = ""
        if self.id is not None:
            extra += ", id=%r" % self.id
        if self.region is not None:
            extra += ", region=%r" % self.region
        if self.voice is not None:
            extra += ", voice=%r" % self.voice
        return "Cue(%r, %r, %r%s)" % (self.start, self.end, self.text,
                                      extra)


class Region:
    """A WebVTT (or TTML) region definition."""

    __slots__ = ("id", "width", "lines", "anchor_x", "anchor_y", "vp_x",
                 "vp_y", "scroll_up")

    def __init__(self, id, width=100.0, lines=3, anchor_x=0.0,
                 anchor_y=100.0, vp_x=0.0, vp_y=100.0, scroll_up=False):
        self.id = id
        self.width = width
        self.lines = lines
        self.anchor_x = anchor_x
        self.anchor_y = anchor_y
        self.vp_x = vp_x
        self.vp_y = vp_y
        self.scroll_up = scroll_up

    def __eq__(self, other):
        return isinstance(other, Region) and all(
            getattr(self, k) == getattr(other, k) for k in self.__slots__)

    def __repr__(self):
        return "Region(%r, width=%r, lines=%r)" % (self.id, self.width,
                                                  self.lines)


class Track:
    """What an input declares before its cues: lang, title, style (WebVTT
    STYLE text), vtt_header (lines such as X-TIMESTAMP-MAP=...), regions
    (a list of Region)."""

    __slots__ = ("lang", "title", "style", "vtt_header", "regions")
    _keys = (("lang", b"lang"), ("title", b"title"), ("style", b"style"),
             ("vtt_header", b"vtt-header"))

    def __init__(self, lang=None, title=None, style=None, vtt_header=None,
                 regions=()):
        self.lang = lang
        self.title = title
        self.style = style
        self.vtt_header = vtt_header
        self.regions = list(regions)

    def __repr__(self):
        return "Track(lang=%r, title=%r, regions=%r)" % (
            self.lang, self.title, self.regions)


class CueList(list):
    """The cues parse() found, with what came with them: .format (the
    input's format), .track (its Track, or None) and .warnings (the
    Diagnostics that were not errors)."""

    format = None
    track = None
    warnings = ()


class Output(str):
    """The text dumps() or convert() wrote, with .warnings (the
    Diagnostics that were not errors)."""

    warnings = ()


# ---- between the model and the library --------------------------------

def _cue_from_c(p):
    place = _Place()
    _cue_place(p, _c.byref(place), _c.sizeof(place))
    runs = []
    n = _cue_runs(p)
    ln = _sz()
    st = _Style()
    for i in range(n):
        t = _cue_run_text(p, i, _c.byref(ln))
        _cue_run_style(p, i, _c.byref(st), _c.sizeof(st))
        bits = st.style
        runs.append(Run(_c.string_at(t, ln.value).decode("utf-8", "replace"),
                        italic=bool(bits & _ITALIC), bold=bool(bits & _BOLD),
                        underline=bool(bits & _UNDERLINE),
                        color=st.color if bits & _COLOR else None,
                        ruby=bool(bits & _RUBY), ruby_text=bool(bits & _RT),
                        voice=_s(st.voice), lang=_s(st.lang),
                        classes=_s(st.cls),
                        time=None if st.time == _TIME_NONE else st.time))
    line_auto = not place.line_set and not place.line > _LINE_AUTO
    pl = Place(vpos=_VPOS[place.vpos], align=_ALIGN[place.align],
               vertical=_VERTICAL[place.vertical],
               line=None if line_auto else place.line,
               line_percent=bool(place.line_percent),
               line_align=_ALIGN[place.line_align],
               position=None if place.position < 0 else place.position,
               position_align=_ALIGN[place.position_align],
               size=place.size)
    end = _cue_end(p)
    return Cue(_cue_start(p), None if end == _TIME_NONE else end,
               runs=runs, id=_s(_cue_id(p)), region=_s(_cue_region(p)),
               place=pl, line=_cue_line(p))


def _enum(table, value, what):
    try:
        return table.index(value)
    except ValueError:
        raise ValueError("transcue: %s must be one of %r, not %r"
                         % (what, table, value)) from None


def _cue_to_c(ctx, cue):
    p = _cue_new(ctx.ptr)
    if not p:
        raise MemoryError("transcue: no memory for a cue")
    try:
        end = _TIME_NONE if cue.end is None else int(cue.end)
        if _cue_set_times(p, int(cue.start), end) != _OK:
            raise ValueError("transcue: a cue needs a start")
        if cue.id is not None:
            b = _b(cue.id)
            ctx.check(_cue_set_id(p, b, len(b)), "cue id")
        if cue.region is not None:
            b = _b(cue.region)
            ctx.check(_cue_set_region(p, b, len(b)), "cue region")
        _cue_set_line(p, int(cue.line or 0))
        pl = cue.place or Place()
        place = _Place()
        _place_init(_c.byref(place), _c.sizeof(place))
        place.vpos = _enum(_VPOS, pl.vpos, "vpos")
        place.align = _enum(_ALIGN, pl.align, "align")
        place.vertical = _enum(_VERTICAL, pl.vertical, "vertical")
        if pl.line is not None:
            place.line = float(pl.line)
            place.line_set = 1
        place.line_percent = 1 if pl.line_percent else 0
        place.line_align = _enum(_ALIGN, pl.line_align, "line_align")
        place.position = -1.0 if pl.position is None else float(pl.position)
        place.position_align = _enum(_ALIGN, pl.position_align,
                                     "position_align")
        place.size = float(pl.size)
        _cue_set_place(p, _c.byref(place), _c.sizeof(place))
        for r in cue.runs:
            st = _Style()
            st.style = ((_ITALIC if r.italic else 0) |
                        (_BOLD if r.bold else 0) |
                        (_UNDERLINE if r.underline else 0) |
                        (_COLOR if r.color is not None else 0) |
                        (_RUBY if r.ruby else 0) |
                        (_RT if r.ruby_text else 0))
            st.color = int(r.color or 0)
            st.voice = _b(r.voice)
            st.lang = _b(r.lang)
            st.cls = _b(r.classes)
            st.time = _TIME_NONE if r.time is None else int(r.time)
            text = _b(r.text)
            ctx.check(_cue_append(p, text, len(text), _c.byref(st),
                                  _c.sizeof(st)), "cue text")
    except BaseException:
        _cue_free(p)
        raise
    return p


def _track_from_c(t):
    if not t:
        return None
    out = Track(**{attr: _s(_track_get(t, key)) for attr, key in
                   Track._keys})
    reg = _Region()
    for i in range(_track_regions(t)):
        _track_region(t, i, _c.byref(reg), _c.sizeof(reg))
        out.regions.append(Region(_s(reg.id), reg.width, reg.lines,
                                  reg.anchor_x, reg.anchor_y, reg.vp_x,
                                  reg.vp_y, bool(reg.scroll_up)))
    return out


def _track_to_c(track):
    t = _track_new()
    if not t:
        raise MemoryError("transcue: no memory")
    for attr, key in Track._keys:
        value = getattr(track, attr, None)
        if value is not None:
            _track_set(t, key, _b(value))
    for r in track.regions:
        reg = _Region(_b(r.id), r.width, r.lines, r.anchor_x, r.anchor_y,
                      r.vp_x, r.vp_y, 1 if r.scroll_up else 0)
        _track_add_region(t, _c.byref(reg), _c.sizeof(reg))
    return t


def _writer_bytes(w):
    n = _sz()
    data = _writer_data(w, _c.byref(n))
    return _c.string_at(data, n.value) if data else b""


def _text_of(data, options):
    enc = options.get("output_encoding") or options.get("output-encoding")
    if enc is None:
        return data.decode("utf-8")
    return data.decode(str(enc))


# ---- the functions ---------------------------------------------------------

class _Parser:
    """A reader fed in pieces; cues come out as soon as they are whole."""

    def __init__(self, format, strict, options):
        self.ctx = _Context(strict, options)
        self.ptr = _p()
        try:
            self.ctx.check(_reader_new(self.ctx.ptr, _format(format),
                                       _c.byref(self.ptr)), "reader")
        except BaseException:
            self.ctx.close()
            raise
        self.done = False

    def feed(self, data):
        if data:
            self.ctx.check(_reader_feed(self.ptr, data, len(data)), "feed")
        else:
            _reader_feed_end(self.ptr)

    def cues(self):
        """The cues that are ready; sets done at the end."""
        out = []
        cue = _p()
        while True:
            rc = _reader_next(self.ptr, _c.byref(cue))
            if rc == _OK:
                try:
                    out.append(_cue_from_c(cue))
                finally:
                    _cue_free(cue)
                continue
            if rc == _END and not self.ctx.failed():
                self.done = True
            elif rc != _MORE or self.ctx.failed():
                self.done = True
                raise self.ctx.error(rc if rc < 0 else -3, "parse")
            return out

    def format(self):
        f = _reader_format(self.ptr)
        return _s(_format_name(f)) if f else None

    def track(self):
        return _track_from_c(_reader_track(self.ptr))

    def close(self):
        if self.ptr:
            _reader_free(self.ptr)
            self.ptr = None
        self.ctx.close()


def parse(data, format=None, strict=False, **options):
    """Read the cues of data (str, or bytes in any encoding the library
    detects).  format names the input's format; None detects it.  strict
    makes every repair an error.  Returns a CueList (a list of Cue with
    .format, .track and .warnings); raises Error when the input cannot be
    read."""
    p = _Parser(format, strict, options)
    try:
        p.feed(_bytes(data))
        p.feed(b"")
        out = CueList(p.cues())
        out.format = p.format()
        out.track = p.track()
        out.warnings = p.ctx.warnings()
        return out
    finally:
        p.close()


def _chunks(fileobj, size):
    src = getattr(fileobj, "buffer", None)
    if not isinstance(src, (_io.BufferedIOBase, _io.RawIOBase)):
        src = fileobj
    read = getattr(src, "read1", None) or src.read
    while True:
        data = read(size)
        if not data:
            return
        yield _bytes(data)


class iterparse:
    """Cues of a file object as they are read: a cue comes out as soon as
    it is complete and the bytes read so far end, so a pipe from a live
    recogniser works.  fileobj gives bytes or str (read1() is used when it
    has one, so a pipe's pause is seen).  The other arguments are parse()'s.
    While and after iterating: .format, .track, .warnings."""

    def __init__(self, fileobj, format=None, strict=False, chunk=65536,
                 **options):
        self._p = _Parser(format, strict, options)
        self._src = _chunks(fileobj, chunk)
        self._ready = []
        self.format = None
        self.track = None
        self.warnings = []

    def __iter__(self):
        return self

    def _sync(self):
        p = self._p
        self.format = p.format()
        if self.track is None:
            self.track = p.track()
        if p.ctx.diags:
            self.warnings.extend(p.ctx.warnings(stacklevel=4))
            p.ctx.diags = [d for d in p.ctx.diags
                           if d.severity in ("error", "fatal")]

    def __next__(self):
        while not self._ready:
            if self._p.ptr is None:
                raise StopIteration
            if self._p.done:
                self._p.close()
                raise StopIteration
            try:
                self._p.feed(next(self._src, b""))
                self._ready.extend(self._p.cues())
                self._sync()
            except BaseException:
                self._p.close()
                raise
        return self._ready.pop(0)

    def close(self):
        """Stop reading."""
        self._p.close()

    def __del__(self):
        p = getattr(self, "_p", None)
        if p is not None:
            p.close()


def dumps(cues, format, strict=False, track=None, **options):
    """Write cues (an iterable of Cue) in format.  track (a Track) gives the
    header facts; by default the .track of a CueList.  Returns an Output (a
    str with .warnings); raises Error."""
    f = _format(format, write=True)
    if track is None:
        track = getattr(cues, "track", None)
    with _Context(strict, options) as ctx:
        w = _p()
        ctx.check(_writer_new(ctx.ptr, f, _c.byref(w)), "writer")
        try:
            if track is not None:
                t = _track_to_c(track)
                try:
                    ctx.check(_writer_track(w, t), "track")
                finally:
                    _track_free(t)
            for cue in cues:
                ctx.check(_writer_put(w, _cue_to_c(ctx, cue)), "write")
            ctx.check(_writer_finish(w), "write")
            if ctx.failed():
                raise ctx.error(-3, "dumps")
            out = Output(_text_of(_writer_bytes(w), options))
        finally:
            _writer_free(w)
        out.warnings = ctx.warnings()
        return out


def convert(data, to, from_=None, clean=False, filters=(), profile=None,
            strict=False, **options):
    """Convert data (str or bytes) to the format to, as the command does:
    transcue --clean -F FILTER --profile=P --from=F --to=T.  clean adds
    the cleanup preset (tidy, nonspeech, fillers, dedupe, merge, wrap,
    timing) before filters, each "NAME" or "NAME:KEY=VALUE,..." or
    (NAME, {KEY: VALUE}).  Returns an Output (a str with .warnings);
    raises Error."""
    src = _format(from_)
    dst = _format(to, write=True)
    raw = _bytes(data)
    with _Context(strict, options, filters, clean, profile) as ctx:
        r, w = _p(), _p()
        ctx.check(_reader_new(ctx.ptr, src, _c.byref(r)), "reader")
        try:
            ctx.check(_reader_feed(r, raw, len(raw)), "feed")
            _reader_feed_end(r)
            ctx.check(_writer_new(ctx.ptr, dst, _c.byref(w)), "writer")
            ctx.check(_transfer(r, w), "convert")
            out = Output(_text_of(_writer_bytes(w), options))
        finally:
            if w:
                _writer_free(w)
            _reader_free(r)
        out.warnings = ctx.warnings()
        return out
