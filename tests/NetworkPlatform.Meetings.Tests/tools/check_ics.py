"""Independent check of an .ics file with python3-icalendar (Debian): line rules, parse, and every VEVENT's times
resolved through the file's own VTIMEZONE (not the reader's tz database). Prints JSON; exits 1 with a reason on error."""
import json
import sys
from datetime import datetime, timezone

import icalendar


def fail(reason):
    print(json.dumps({"error": reason}))
    sys.exit(1)


raw = open(sys.argv[1], "rb").read()
if not raw.endswith(b"\r\n"):
    fail("the file does not end with CRLF")
for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
    if b"\n" in line or b"\r" in line:
        fail(f"line {number} has a bare CR or LF")
    if len(line) > 75:
        fail(f"line {number} is {len(line)} octets long")

calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
zones = {str(tz["TZID"]): tz.to_tz() for tz in calendar.walk("VTIMEZONE")}


def utc(prop):
    text = prop.to_ical().decode()
    if text.endswith("Z"):
        return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    tzid = prop.params["TZID"]
    if tzid not in zones:
        fail(f"TZID {tzid} has no VTIMEZONE")
    local = datetime.strptime(text, "%Y%m%dT%H%M%S")
    return zones[tzid].localize(local).astimezone(timezone.utc)


events = []
for event in calendar.walk("VEVENT"):
    for required in ("UID", "DTSTAMP", "DTSTART"):
        if required not in event:
            fail(f"a VEVENT lacks {required}")
    events.append({
        "uid": str(event["UID"]),
        "sequence": int(event.get("SEQUENCE", 0)),
        "summary": str(event["SUMMARY"]),
        "description": str(event.get("DESCRIPTION", "")),
        "status": str(event.get("STATUS", "")),
        "tzid": event["DTSTART"].params.get("TZID", ""),
        "local_start": event["DTSTART"].to_ical().decode(),
        "start_utc": utc(event["DTSTART"]).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end_utc": utc(event["DTEND"]).strftime("%Y-%m-%dT%H:%M:%SZ") if "DTEND" in event else None,
        "attendees": [{"address": str(a), "role": a.params.get("ROLE", ""), "cn": a.params.get("CN", "")}
                      for a in (event.get("ATTENDEE", []) if isinstance(event.get("ATTENDEE", []), list) else [event["ATTENDEE"]])],
    })
print(json.dumps({"method": str(calendar.get("METHOD", "")), "version": str(calendar["VERSION"]), "zones": sorted(zones), "events": events}))
