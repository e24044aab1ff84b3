#!/usr/bin/python3
"""A provincial system that imports SP4N-LAPOR! reports into Aduan.

It calls as a GATEWAY principal (role binding GATEWAY with a source name, e.g.
`sp4n-lapor`): the server records that source on the complaint, keeps the
report's SP4N-LAPOR! tracking number as the external reference (unique per
source) and shows the gateway only its own complaints.

    lapor_import.py import --report report.json [--request-id ID]
                           [--follow-until STATE]
    lapor_import.py follow KNG-XXXXXXXX [--until STATE]

The report file (this example's own format):

    {"tracking_id": "2406-8812345", "title": "…", "content": "…",
     "reporter": {"name": "…", "phone": "…", "email": "…"},
     "kelurahan": "Kanigaran", "address": "…", "anonymous": false}

Without --request-id the request_id is derived from the tracking number, so
running the same import again (after a crash, a timeout, …) returns the first
result — the same tracking code and PIN — and stores nothing new. Another
request_id for an already imported report is ALREADY_EXISTS (exit status 3).

Server and token come from --addr/--token or ADUAN_ADDR/ADUAN_TOKEN. Output
is one `key: value` line per fact, events as `event N: …` lines.
Exit status: 0 done, 1 an RPC failed, 3 already imported, 4 following timed
out.
"""

import argparse
import hashlib
import json
import os
import sys
import time

import grpc

from aduan.v1 import complaint_pb2
from aduan.v1 import complaint_service_pb2
from aduan.v1 import intake_service_pb2
from aduan_client import connect

State = complaint_pb2.Complaint.State
EventType = complaint_pb2.ComplaintEvent.Type

EXIT_RPC_FAILED = 1
EXIT_ALREADY_IMPORTED = 3
EXIT_FOLLOW_TIMEOUT = 4

# States after which nothing happens to a complaint any more.
FINAL_STATES = {State.ARCHIVED}


def request_id_for(tracking_id):
    """The request_id of importing a report: the same for every attempt."""
    digest = hashlib.sha256(tracking_id.encode("utf-8")).hexdigest()
    return "sp4n-lapor." + digest[:40]


def complaint_from_report(report, office_code):
    """The Aduan complaint for an SP4N-LAPOR! report."""
    reporter = report.get("reporter", {})
    return complaint_pb2.Complaint(
        office_code=office_code,
        channel=complaint_pb2.Complaint.SP4N_LAPOR,
        external_reference=report["tracking_id"],
        title=report["title"],
        description=report["content"],
        anonymous=bool(report.get("anonymous", False)),
        confidential=bool(report.get("confidential", False)),
        complainant=complaint_pb2.Complainant(
            name=reporter.get("name", ""),
            phone=reporter.get("phone", ""),
            email=reporter.get("email", "")),
        location=complaint_pb2.Location(
            kelurahan=report.get("kelurahan", ""),
            address=report.get("address", "")))


def import_report(client, report, office_code, request_id):
    """Submits the report; returns the SubmitComplaintResponse."""
    return client.intake.SubmitComplaint(
        intake_service_pb2.SubmitComplaintRequest(
            request_id=request_id,
            complaint=complaint_from_report(report, office_code)))


def describe_event(event):
    line = "event {}: {} {} -> {} by {}".format(
        event.version, EventType.Name(event.type),
        State.Name(event.from_state), State.Name(event.to_state), event.actor)
    if event.actor_role:
        line += " ({})".format(event.actor_role)
    return line


def follow(client, tracking_code, until, timeout, interval, state=None):
    """Prints new events and state changes until the complaint reaches
    `until` (or a final state); returns the exit status. `state` is the state
    already shown, if any."""
    seen_version = 0
    deadline = time.monotonic() + timeout
    while True:
        # The complaint first, then its events: the events then include every
        # change up to the state read, so a state never precedes its event.
        complaint = client.complaints.GetComplaint(
            complaint_service_pb2.GetComplaintRequest(
                tracking_code=tracking_code))
        for event in client.list_events(tracking_code):
            if event.version > seen_version:
                print(describe_event(event), flush=True)
                seen_version = event.version
        if complaint.state != state:
            state = complaint.state
            print("state: " + State.Name(state), flush=True)
        if state == until or state in FINAL_STATES:
            return 0
        if time.monotonic() >= deadline:
            print("still {} after {:g} s".format(State.Name(state), timeout),
                  file=sys.stderr)
            return EXIT_FOLLOW_TIMEOUT
        time.sleep(interval)


def run_import(client, args):
    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    request_id = args.request_id or request_id_for(report["tracking_id"])
    try:
        response = import_report(client, report, args.office, request_id)
    except grpc.RpcError as e:
        if e.code() == grpc.StatusCode.ALREADY_EXISTS:
            print("already imported: {}: {}".format(e.code().name,
                                                    e.details()),
                  file=sys.stderr)
            return EXIT_ALREADY_IMPORTED
        raise
    c = response.complaint
    print("tracking_code: " + c.tracking_code)
    print("pin: " + response.pin)
    print("source: " + c.source)
    print("external_reference: " + c.external_reference)
    print("request_id: " + request_id)
    print("state: " + State.Name(c.state), flush=True)
    if args.follow_until is None:
        return 0
    return follow(client, c.tracking_code, State.Value(args.follow_until),
                  args.timeout, args.interval, state=c.state)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--addr", default=os.environ.get("ADUAN_ADDR", "127.0.0.1:50051"))
    parser.add_argument("--token", default=os.environ.get("ADUAN_TOKEN"))
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds to follow at most")
    parser.add_argument("--interval", type=float, default=1,
                        help="seconds between polls")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("import", help="import one SP4N-LAPOR! report")
    p.add_argument("--report", required=True, help="the report (JSON)")
    p.add_argument("--office", default="KNG")
    p.add_argument("--request-id",
                   help="default: derived from the report's tracking_id")
    p.add_argument("--follow-until", choices=State.keys(),
                   help="then follow the complaint until this state")
    p = commands.add_parser("follow", help="follow an imported complaint")
    p.add_argument("tracking_code")
    p.add_argument("--until", choices=State.keys(), default="ARCHIVED")
    args = parser.parse_args(argv)

    with connect(args.addr, args.token) as client:
        try:
            if args.command == "import":
                return run_import(client, args)
            return follow(client, args.tracking_code, State.Value(args.until),
                          args.timeout, args.interval)
        except grpc.RpcError as e:
            print("error: {}: {}".format(e.code().name, e.details()),
                  file=sys.stderr)
            return EXIT_RPC_FAILED


if __name__ == "__main__":
    sys.exit(main())
