#!/usr/bin/env python3
"""Checks every hash chain in a Liaison Log full export, independently of the app.

Usage:  python3 scripts/verify-export.py EXPORT.json.gz [--json]

Written from docs/events.md ("Tamper-evident history") alone,
with the Python 3 standard library only, so a state auditor can run it on any computer without
installing anything and read every line of it. It names each broken event by its place: desk, place
in the desk's chain (seq), event type, event id and case number; it never prints what an event says.

Exit status: 0 no breaks, 1 breaks found, 2 the file could not be read as an export.
"""

import gzip
import hashlib
import json
import sys
from decimal import Decimal

DOMAIN = "liaison-log/event-chain/v1\n"
GENESIS = "0" * 64
KINDS = {
    "altered": "changed after it was recorded: its content no longer gives its hash",
    "link": "does not follow the event before it in its desk's chain",
    "duplicate": "shares its place in its desk's chain with another event",
    "unchained": "not chained, though this desk was chaining when it was recorded: put in from outside the app",
    "removed": "removed from this desk's own chain",
}


class NotAnExport(Exception):
    pass


# ---- canonical JSON, exactly as the app writes it (JSON.stringify's rules) ----

def js_number(x):
    """A number as JavaScript's JSON.stringify writes it (Number::toString, ECMA-262)."""
    if isinstance(x, bool):
        raise TypeError("not a number")
    if isinstance(x, int) and abs(x) < 2**53:
        return str(x)
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("not a finite number")
    if x == 0:
        return "0"  # -0 too
    sign = "-" if x < 0 else ""
    # repr gives the shortest digits that read back as the same double, as JavaScript does.
    t = Decimal(repr(abs(x))).as_tuple()
    digits = "".join(str(d) for d in t.digits).rstrip("0") or "0"
    n = len(t.digits) + t.exponent  # the decimal point's place: value = 0.digits * 10^n
    k = len(digits)
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        out = mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def js_string(s):
    """A string as JSON.stringify writes it: only quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif c < 0x20 or 0xD800 <= c <= 0xDFFF:  # control characters, and lone surrogates
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical_json(value):
    """Object keys sorted by UTF-16 code units at every level, no spaces, as the app's canonicalJson."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(js_string(k) + ":" + canonical_json(value[k]) for k in keys) + "}"
    raise TypeError("cannot encode %r" % type(value))


def link_hash(event):
    """SHA-256, lowercase hex, of the UTF-8 of the domain line and the event without chain.hash."""
    chain = event["chain"]
    rest = {k: v for k, v in event.items() if k != "chain"}
    rest["chain"] = {"seq": chain["seq"], "prev": chain["prev"]}
    text = DOMAIN + canonical_json(rest)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ---- reading the export ----

def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except OSError as err:
            raise NotAnExport("the file cannot be decompressed: %s" % err)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAnExport("the file is not UTF-8 text")
    return [line for line in text.split("\n") if line.strip()]


def parse(line, n):
    try:
        return json.loads(line)
    except ValueError:
        raise NotAnExport("record %d is not JSON: this is not a Liaison Log full export, or it is damaged" % n)


def read_export(path):
    """The header, every event, and this desk's id (its `device` meta row, else the header's desk code)."""
    lines = read_lines(path)
    if not lines:
        raise NotAnExport("the file is empty")
    header = parse(lines[0], 1)
    if not isinstance(header, dict) or header.get("format") != "liaison-log-export":
        raise NotAnExport("not a Liaison Log full export")
    if header.get("formatVersion") != 1:
        raise NotAnExport("export format version %r is not 1" % header.get("formatVersion"))
    events, device, counts, ended = [], None, {}, False
    for n, line in enumerate(lines[1:], start=2):
        record = parse(line, n)
        if ended:
            raise NotAnExport("there is more after the end record")
        if record.get("end") is True:
            for table, count in record.get("counts", {}).items():
                if counts.get(table, 0) != count:
                    raise NotAnExport("the end record says %d %s rows, %d were found" % (count, table, counts.get(table, 0)))
            ended = True
            continue
        table, rows = record.get("table"), record.get("rows")
        if not isinstance(table, str) or not isinstance(rows, list):
            raise NotAnExport("record %d is not a block of rows" % n)
        counts[table] = counts.get(table, 0) + len(rows)
        if table == "events":
            events.extend(rows)
        elif table == "meta":
            for row in rows:
                if row.get("key") == "device" and isinstance(row.get("value"), dict):
                    device = row["value"].get("deviceId")
    if not ended:
        raise NotAnExport("the file was cut short (no end record)")
    return header, events, device


# ---- the checks ----

def ref(event, cases):
    chain = event.get("chain")
    return {
        "eventId": event["id"],
        "inquiryId": event["inquiryId"],
        "caseNumber": cases.get(event["inquiryId"]),
        "type": event["type"],
        "at": event["at"],
        "deviceId": event["deviceId"],
        "seq": chain["seq"] if chain else None,
    }


def verify(events, own):
    """Every desk's chain in seq order: each event against its hash and against the one before it."""
    cases = {e["inquiryId"]: e["payload"].get("caseNumber") for e in events if e.get("type") == "InquiryLogged"}
    breaks, gaps, desks = [], [], {}
    by_desk = {}
    for e in events:
        if e.get("chain"):
            by_desk.setdefault(e["deviceId"], []).append(e)
    for device in sorted(by_desk):
        chain = sorted(by_desk[device], key=lambda e: (e["chain"]["seq"], e["id"]))
        last = None  # (seq, recomputed hash, event)
        for e in chain:
            link = e["chain"]
            recomputed = link_hash(e)
            if recomputed != link["hash"]:
                breaks.append({"kind": "altered", "event": ref(e, cases), "other": None})
            if last is not None and link["seq"] <= last[0]:
                breaks.append({"kind": "duplicate", "event": ref(e, cases), "other": ref(last[2], cases)})
                continue
            expected = (last[0] if last else 0) + 1
            if link["seq"] > expected:
                missing = {"from": expected, "to": link["seq"] - 1}
                other = ref(last[2], cases) if last else None
                if device == own:
                    breaks.append({"kind": "removed", "event": ref(e, cases), "other": other, "missing": missing})
                else:
                    gaps.append({"deviceId": device, **missing, "after": other, "before": ref(e, cases)})
            elif link["prev"] != (last[1] if last else GENESIS):
                breaks.append({"kind": "link", "event": ref(e, cases), "other": ref(last[2], cases) if last else None})
            last = (link["seq"], recomputed, e)
        desks[device] = {"chained": len(chain), "head": {"seq": last[0], "hash": last[1]} if last else None}
    # This desk's events without a link, recorded (by hlc) after its chain began: put in from outside.
    if own in by_desk:
        first = sorted(by_desk[own], key=lambda e: (e["chain"]["seq"], e["id"]))[0]["hlc"]
        unchained = [e for e in events if e["deviceId"] == own and not e.get("chain") and e["hlc"] >= first]
        for e in sorted(unchained, key=lambda e: (e["at"], e["id"])):
            breaks.append({"kind": "unchained", "event": ref(e, cases), "other": None})
    return {"ownDeviceId": own, "desks": desks, "breaks": breaks, "gaps": gaps}


def describe(b):
    e = b["event"]
    desk = e["deviceId"][:5]
    if b["kind"] == "removed":
        m = b["missing"]
        seqs = "#%d" % m["from"] if m["from"] == m["to"] else "#%d to #%d" % (m["from"], m["to"])
        before = "#%d" % (m["from"] - 1) if m["from"] > 1 else "the start of the chain"
        return "removed    desk %s  %s, between %s and #%d" % (desk, seqs, before, m["to"] + 1)
    place = "#%d" % e["seq"] if e["seq"] is not None else "not chained"
    return "%-10s desk %s  %s  %s  case %s  event %s" % (b["kind"], desk, place, e["type"], e["caseNumber"] or "-", e["eventId"])


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        header, events, device = read_export(args[0])
    except (NotAnExport, ValueError, KeyError, TypeError, AttributeError) as err:
        print("Not checked: %s" % err, file=sys.stderr)
        return 2
    own = device
    if own is None and header.get("deskCode"):
        matching = sorted({e["deviceId"] for e in events if e.get("chain") and e["deviceId"].startswith(header["deskCode"])})
        own = matching[0] if len(matching) == 1 else None
    result = verify(events, own)
    if "--json" in argv:
        print(json.dumps(result, indent=1, sort_keys=True))
    else:
        chained = sum(d["chained"] for d in result["desks"].values())
        print("%d events, %d chained, on %d desks; this desk: %s" % (len(events), chained, len(result["desks"]), own[:5] if own else "not known"))
        for b in result["breaks"]:
            print(describe(b))
        for g in result["gaps"]:
            print("gap        desk %s  #%d to #%d: not on this desk yet (not a break)" % (g["deviceId"][:5], g["from"], g["to"]))
        print("no breaks" if not result["breaks"] else "%d breaks" % len(result["breaks"]))
    return 1 if result["breaks"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
