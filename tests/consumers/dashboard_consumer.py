#!/usr/bin/env python3
"""A dashboard team's consumer of the platform's events, written from docs/events/asyncapi.json alone.

It reads the AsyncAPI document for the broker (exchange, routing keys, security scheme), connects with the consumer
credentials it is given, binds a queue of its own to its network, runs a small workload through the JSON API (every
service), then checks what arrived:
  - every event type the workload makes arrives, on its documented channel and content type;
  - every message validates inside the whole document (references resolve from the document's root);
  - no e-mail address, phone number or name the workload entered sits in a field the document does not mark
    x-personal-data;
  - replaying the network's event log from position 0 (reporting's ReadEvents, JSON API) gives the same events, with
    the same bodies, in the same order per aggregate stream (x-aggregate-type + aggregateId), versions 1, 2, 3, ...

Debian's python3-pika and python3-jsonschema; run with /usr/bin/python3. Settings come from the environment:
  NP_ASYNCAPI        the document (default docs/events/asyncapi.json)
  NP_AMQP_HOST, NP_AMQP_PORT, NP_AMQP_USER, NP_AMQP_PASSWORD   the broker and the consumer's credentials
  NP_NETWORK         a network that does not exist yet (the workload creates it)
  NP_MEMBERSHIP_URL, NP_GROUPS_URL, NP_MEETINGS_URL, NP_REPORTING_URL   each service's JSON API
  NP_OPERATOR_TOKEN, NP_SECRETARIAT_TOKEN, NP_READER_TOKEN   bearer tokens of the network's operator, secretariat and a
                     dashboard reader
Prints what it saw; exits 1 with the problems found.
"""
import datetime
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import jsonschema
import pika

# The types the workload below makes, one line of it each (checked against the document: a renamed type fails here).
EXPECTED_TYPES = {
    "OrganisationRegistered", "MembershipApplied", "MembershipApproved", "PersonRegistered",
    "RepresentativeAppointed", "RepresentativeWithdrawn", "GroupProposed", "MandateApproved", "RoleAssigned",
    "ParticipantJoined", "GroupActivated", "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled",
    "AttendanceRecorded", "DecisionRecorded", "MinutesPublished", "LearningActivityLogged", "ParticipantLeft",
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\+\d[\d ]{6,}\d")  # international form, as entered: not an id or an organisation number


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        sys.exit(f"Set {name} (see the docstring of {sys.argv[0]}).")
    return value


class Api:
    """The platform's JSON API (google.api.http rules of the protos) with a bearer token."""

    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method, path, body=None, query=None, retry_not_found=False):
        url = self.base + path + ("?" + urllib.parse.urlencode(query, doseq=True) if query else "")
        deadline = time.time() + 60
        while True:
            request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                             headers={"Authorization": "Bearer " + self.token,
                                                      "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return json.loads(response.read() or b"{}")
            except urllib.error.HTTPError as error:
                text = error.read().decode(errors="replace")
                # A copy another service keeps from events (reporting's organisations) lags its owner by a moment.
                if error.code == 404 and retry_not_found and time.time() < deadline:
                    time.sleep(0.5)
                    continue
                raise SystemExit(f"{method} {url} answered {error.code}: {text}")


def run_workload(network, apis, marked_values):
    """Creates the network and writes through every service; returns nothing, the events tell what happened."""
    membership, groups, meetings, reporting = apis["membership"], apis["groups"], apis["meetings"], apis["reporting"]
    apis["operator"].call("POST", "/v1/networks", {"id": network, "displayName": "Partnerskap mot mobbing",
                                                    "kind": "NETWORK_KIND_PARTNERSHIP", "country": "NO",
                                                    "timeZone": "Europe/Oslo", "languages": ["nb"]})
    meetings.call("PATCH", f"/v1/networks/{network}/meetingSettings",
                  {"secretariat": {"displayName": "Sekretariatet", "email": "post@partnerskap.example"}},
                  {"updateMask": "secretariat"})
    organisation = membership.call("POST", f"/v1/networks/{network}/organisations",
                                   {"displayName": "Kommune A", "organisationNumber": "952601814",
                                    "kind": "ORGANISATION_KIND_MUNICIPALITY"})["id"]
    membership.call("POST", f"/v1/networks/{network}/organisations/{organisation}:applyForMembership", {})
    membership.call("POST", f"/v1/networks/{network}/organisations/{organisation}:approveMembership",
                    {"reason": "Partnermøtet sak 3/26"})
    persons, representatives = [], []
    for name in ("Kari Nordmann", "Ola Hansen"):
        suffix = uuid.uuid4().hex[:6]
        full_name, email, phone = f"{name} {suffix}", f"{suffix}@kommune.example", "+47 911 22 333"
        marked_values.update([full_name, email, phone])
        persons.append(membership.call("POST", f"/v1/networks/{network}/persons",
                                       {"fullName": full_name, "email": email, "phone": phone,
                                        "employerOrganisationId": organisation})["id"])
        representatives.append(membership.call("POST", f"/v1/networks/{network}/representatives", {
            "organisationId": organisation, "personId": persons[-1], "role": "REPRESENTATIVE_ROLE_REPRESENTATIVE",
            "hoursPerMonth": 8, "approvingManager": {"fullName": "Per Solberg", "title": "Kommunalsjef"}})["id"])
    marked_values.add("Per Solberg")
    year = datetime.date.today().year
    groups.call("POST", f"/v1/networks/{network}/groups",
                {"displayName": "Partnermøtet", "kind": "GROUP_KIND_PARTNER_MEETING", "scope": "GROUP_SCOPE_NATIONAL"},
                {"groupId": "partnermotet"})
    proposed = groups.call("POST", f"/v1/networks/{network}/groups:propose", {
        "groupId": "wg-1", "reason": "Tiltak i handlingsplanen",
        "group": {"displayName": "Arbeidsgruppe 1", "kind": "GROUP_KIND_WORKING_GROUP", "scope": "GROUP_SCOPE_NATIONAL",
                  "startDate": f"{year}-01-01", "endDate": f"{year}-12-31"}})
    groups.call("POST", f"/v1/networks/{network}/groups/wg-1:approveMandate", {
        "etag": proposed["etag"],
        "mandate": {"purpose": "Veileder", "tasks": ["Utvikle veileder"], "endDate": f"{year}-12-31",
                    "approvedByGroupId": "partnermotet", "decisionReference": "Partnermøtet sak 14/26"}})
    groups.call("POST", f"/v1/networks/{network}/groups/wg-1:assignRole", {"personId": persons[0], "role": "ROLE_LEADER"})
    groups.call("POST", f"/v1/networks/{network}/groups/wg-1:assignRole", {"personId": persons[1], "role": "ROLE_MEMBER"})
    groups.call("POST", f"/v1/networks/{network}/groups/wg-1:activate", {"decisionReference": "Partnermøtet sak 14/26"})

    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    held = meetings.call("POST", f"/v1/networks/{network}/meetings", {
        "groupId": "wg-1", "kind": "MEETING_KIND_INTERIM", "title": "Arbeidsmøte",
        "startTime": stamp(now - datetime.timedelta(hours=1)), "endTime": stamp(now + datetime.timedelta(hours=1))})["meetingId"]
    meetings.call("POST", f"/v1/networks/{network}/meetings/{held}:recordAttendance",
                  {"entries": [{"personId": p, "status": "ATTENDANCE_STATUS_PRESENT"} for p in persons]})
    meetings.call("POST", f"/v1/networks/{network}/meetings/{held}:recordDecision",
                  {"decision": {"kind": "DECISION_KIND_FREE_TEXT", "text": "Veilederen sendes på høring"}})
    for step in ("generateDraft", "approve", "publish"):
        meetings.call("POST", f"/v1/networks/{network}/meetings/{held}/minutes:{step}", {})
    upcoming_start = now + datetime.timedelta(days=14)
    upcoming = meetings.call("POST", f"/v1/networks/{network}/meetings", {
        "groupId": "wg-1", "kind": "MEETING_KIND_INTERIM", "title": "Underveismøte",
        "startTime": stamp(upcoming_start), "endTime": stamp(upcoming_start + datetime.timedelta(hours=2))})["meetingId"]
    later = upcoming_start + datetime.timedelta(days=2)
    meetings.call("POST", f"/v1/networks/{network}/meetings/{upcoming}:reschedule",
                  {"startTime": stamp(later), "endTime": stamp(later + datetime.timedelta(hours=2)), "reason": "Kollisjon"})
    meetings.call("POST", f"/v1/networks/{network}/meetings/{upcoming}:cancel", {"reason": "Avlyst"})
    reporting.call("POST", f"/v1/networks/{network}/learningActivities", {
        "kind": "LEARNING_KIND_PEER_GUIDANCE", "organisationId": organisation,
        "date": {"year": year, "month": 3, "day": 1}, "hours": 2, "participants": 5, "description": "Kollegaveiledning"},
        retry_not_found=True)
    membership.call("POST", f"/v1/networks/{network}/representatives/{representatives[1]}:withdraw", {"reason": "Sluttet"})


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def broker_of(document):
    """The consumers' exchange and its type, from the channels' AMQP bindings (they all name the same one)."""
    exchanges = {(c["bindings"]["amqp"]["exchange"]["name"], c["bindings"]["amqp"]["exchange"]["type"],
                  c["bindings"]["amqp"]["exchange"].get("vhost", "/"))
                 for c in document["channels"].values()}
    if len(exchanges) != 1:
        raise SystemExit(f"The document names several consumer exchanges: {exchanges}")
    return exchanges.pop()


def resolve(document, schema):
    while "$ref" in schema:
        schema = jsonschema.RefResolver.from_schema(document).resolve(schema["$ref"])[1]
    return schema


def unmarked_personal_data(document, schema, value, path, marked_values, found):
    """Values that are personal data (an e-mail, a phone number, a name the workload entered) where the schema has no
    x-personal-data: appended to found as 'path: value'."""
    schema = resolve(document, schema)
    if schema.get("x-personal-data"):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            unmarked_personal_data(document, schema.get("properties", {}).get(key, {}), item, f"{path}.{key}", marked_values,
                                   found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            unmarked_personal_data(document, schema.get("items", {}), item, f"{path}[{index}]", marked_values, found)
    elif isinstance(value, str):
        if EMAIL.search(value) or PHONE.search(value) or any(v in value for v in marked_values):
            found.append(f"{path}: {value[:80]!r}")


def main():
    document = json.load(open(env("NP_ASYNCAPI", "docs/events/asyncapi.json"), encoding="utf-8"))
    network = env("NP_NETWORK")
    problems = []
    messages = document["components"]["messages"]
    by_name = {m["name"]: key for key, m in messages.items()}
    problems += [f"The document has no message {t}." for t in sorted(EXPECTED_TYPES - by_name.keys())]
    exchange, exchange_type, vhost = broker_of(document)
    scheme = next(iter(document["components"]["securitySchemes"].values()))
    if scheme["type"] != "userPassword":
        raise SystemExit(f"The document's security scheme is {scheme['type']}; this consumer knows userPassword.")

    credentials = pika.PlainCredentials(env("NP_AMQP_USER"), env("NP_AMQP_PASSWORD"))
    connection = pika.BlockingConnection(pika.ConnectionParameters(
        host=env("NP_AMQP_HOST"), port=int(env("NP_AMQP_PORT")), virtual_host=vhost, credentials=credentials))
    channel = connection.channel()
    # A queue of our own, named <user>.<anything> as the security scheme says, bound with the documented pattern.
    queue = f"{credentials.username}.replay-{uuid.uuid4().hex[:8]}"
    channel.queue_declare(queue, exclusive=True, auto_delete=True)
    channel.queue_bind(queue, exchange, routing_key=f"{network}.#")

    marked_values = set()
    apis = {name: Api(env(f"NP_{name.upper()}_URL"), env("NP_SECRETARIAT_TOKEN"))
            for name in ("membership", "groups", "meetings", "reporting")}
    apis["operator"] = Api(env("NP_MEMBERSHIP_URL"), env("NP_OPERATOR_TOKEN"))
    started = time.time()
    run_workload(network, apis, marked_values)
    print(f"workload done in {time.time() - started:.1f} s")

    live, seen_ids, quiet_since = [], set(), time.time()
    deadline = time.time() + 90
    while time.time() < deadline:
        method, properties, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            arrived = {m["type"] for m in live}
            if EXPECTED_TYPES <= arrived and time.time() - quiet_since > 3:
                break
            time.sleep(0.1)
            continue
        quiet_since = time.time()
        envelope = json.loads(body)
        area_type = method.routing_key.split(".", 1)[1]
        channel_name = "{networkId}." + area_type
        if channel_name not in document["channels"]:
            problems.append(f"{method.routing_key}: no channel {channel_name} in the document")
            continue
        message_ref = document["channels"][channel_name]["subscribe"]["message"]["$ref"]
        message = resolve(document, {"$ref": message_ref})
        if properties.content_type != message.get("contentType", document.get("defaultContentType")):
            problems.append(f"{method.routing_key}: content type {properties.content_type}")
        validator = jsonschema.Draft7Validator({"$ref": message_ref + "/payload"},
                                               resolver=jsonschema.RefResolver.from_schema(document))
        problems += [f"{method.routing_key}: {e.json_path}: {e.message}" for e in validator.iter_errors(envelope)]
        found = []
        unmarked_personal_data(document, message["payload"], envelope, "$", marked_values, found)
        problems += [f"{method.routing_key}: unmarked personal data at {f}" for f in found]
        if envelope["messageId"] in seen_ids:
            continue  # A redelivery: the document says to deduplicate on messageId.
        seen_ids.add(envelope["messageId"])
        live.append({"id": envelope["messageId"], "type": message["name"], "aggregateType": message.get("x-aggregate-type"),
                     "body": envelope["message"], "messageRef": message_ref})
    connection.close()
    missing = EXPECTED_TYPES - {m["type"] for m in live}
    problems += [f"No {t} arrived within 90 s." for t in sorted(missing)]
    print(f"live: {len(live)} events of {len({m['type'] for m in live})} types: {', '.join(sorted({m['type'] for m in live}))}")

    replay = read_log(network, env("NP_REPORTING_URL"), env("NP_READER_TOKEN"), {m["id"] for m in live})
    print(f"replay from position 0: {len(replay)} events")
    problems += compare(document, live, replay)
    for problem in problems:
        print("PROBLEM:", problem)
    print(f"consumer done in {time.time() - started:.1f} s")
    return 1 if problems else 0


def read_log(network, reporting_url, token, live_ids):
    """ReadEvents from position 0, page by page, until the log holds every event seen live (reporting lags the broker)."""
    api = Api(reporting_url, token)
    deadline = time.time() + 60
    while True:
        events, query = [], {"startPosition": 0, "pageSize": 50}
        while True:
            page = api.call("GET", f"/v1/networks/{network}/events", query=query)
            events += page.get("events", [])
            if not page.get("nextPageToken"):
                break
            query = {"pageToken": page["nextPageToken"], "pageSize": 50}
        if live_ids <= {e["eventId"] for e in events} or time.time() > deadline:
            return events
        time.sleep(0.5)


def compare(document, live, replay):
    problems = []
    positions = [int(e["position"]) for e in replay]
    if positions != list(range(1, len(replay) + 1)):
        problems.append(f"Replay positions are not 1..{len(replay)}: {positions[:20]}...")
    live_by_id = {m["id"]: m for m in live}
    replay_by_id = {e["eventId"]: e for e in replay}
    problems += [f"{live_by_id[i]['type']} {i} arrived live but is not in the replay" for i in live_by_id.keys() - replay_by_id.keys()]
    problems += [f"{replay_by_id[i]['kind']} {i} is in the replay but never arrived live"
                 for i in replay_by_id.keys() - live_by_id.keys()]
    for event in replay:
        seen = live_by_id.get(event["eventId"])
        if seen is None:
            continue
        body = json.loads(event["payloadJson"])
        if body != seen["body"]:
            problems.append(f"{event['kind']} {event['eventId']}: the replayed body differs from the live one:\n"
                            f"  {json.dumps(body, sort_keys=True)}\n  {json.dumps(seen['body'], sort_keys=True)}")
        if (event["kind"], event.get("aggregateType")) != (seen["type"], seen["aggregateType"]):
            problems.append(f"{event['eventId']}: replayed as {event['kind']}/{event.get('aggregateType')}, "
                            f"live {seen['type']}/{seen['aggregateType']}")
        validator = jsonschema.Draft7Validator({"$ref": seen["messageRef"] + "/payload/properties/message"},
                                               resolver=jsonschema.RefResolver.from_schema(document))
        problems += [f"replayed {event['kind']}: {e.json_path}: {e.message}" for e in validator.iter_errors(body)]

    def streams(events, key_of, id_of, version_of):
        result = {}
        for e in events:
            result.setdefault(key_of(e), []).append((id_of(e), version_of(e)))
        return result

    live_streams = streams(live, lambda m: (m["aggregateType"], m["body"]["aggregateId"]), lambda m: m["id"],
                           lambda m: m["body"]["aggregateVersion"])
    replay_streams = streams(replay, lambda e: (e["aggregateType"], e["aggregateId"]), lambda e: e["eventId"],
                             lambda e: int(e["aggregateVersion"]))
    for key, replayed in replay_streams.items():
        if [v for _, v in replayed] != list(range(1, len(replayed) + 1)):
            problems.append(f"Stream {key}: replayed versions {[v for _, v in replayed]}, not 1, 2, 3, ...")
        if live_streams.get(key) != replayed:
            problems.append(f"Stream {key}: live order {live_streams.get(key)} differs from the replay's {replayed}")
    print(f"aggregate streams compared: {len(replay_streams)}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
