"""End-to-end test of the Python client and its SP4N-LAPOR! import example.

Runs against a live aduand started by tests/e2e/with_server.sh (ADUAN_ADDR,
ADUAN_ADMIN_TOKEN). Generates the aduan.v1 modules with
clients/python/generate.sh into a temporary folder first, so the test covers
the generator as well.

    tests/e2e/with_server.sh build/aduand /usr/bin/python3 \
        tests/clients/python_client_test.py
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CLIENT_DIR = os.path.join(ROOT, "clients", "python")
EXAMPLE = os.path.join(CLIENT_DIR, "examples", "lapor_import.py")
WORK = tempfile.mkdtemp(prefix="aduan-python-client-")
GENERATED = os.path.join(WORK, "generated")

subprocess.run([os.path.join(CLIENT_DIR, "generate.sh"), GENERATED],
               check=True)
sys.path[:0] = [GENERATED, CLIENT_DIR]

import grpc  # noqa: E402

from aduan.v1 import admin_service_pb2 as admin_pb2  # noqa: E402
from aduan.v1 import complaint_pb2  # noqa: E402
from aduan.v1 import complaint_service_pb2  # noqa: E402
from aduan.v1 import intake_service_pb2  # noqa: E402
from aduan.v1 import verification_service_pb2  # noqa: E402
import aduan_client  # noqa: E402
from aduan_client import client as client_module  # noqa: E402

State = complaint_pb2.Complaint.State
ADDR = os.environ.get("ADUAN_ADDR", "")
ADMIN_TOKEN = os.environ.get("ADUAN_ADMIN_TOKEN", "")
GATEWAY_SOURCE = "sp4n-lapor"


def tearDownModule():
    shutil.rmtree(WORK, ignore_errors=True)


def without_sla_used(response):
    """A copy of a SubmitComplaintResponse without the working time its SLA
    clocks show (`used`): that is computed at each read and grows during
    office hours, so two answers of an unchanged complaint are equal in
    everything else."""
    copy = type(response)()
    copy.CopyFrom(response)
    for name in ("service_sla", "resolution_sla"):
        if copy.complaint.HasField(name):
            getattr(copy.complaint, name).ClearField("used")
    return copy


def create_principal(admin, name, binding):
    """Creates a principal with one role binding; returns its token."""
    principal = admin.admin.CreatePrincipal(admin_pb2.CreatePrincipalRequest(
        principal=admin_pb2.Principal(name=name, display_name=name,
                                      role_bindings=[binding])))
    return admin.admin.IssueToken(admin_pb2.IssueTokenRequest(
        principal_id=principal.principal_id,
        description="python client test")).secret


def write_report(tracking_id):
    path = os.path.join(WORK, tracking_id + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({
            "tracking_id": tracking_id,
            "title": "Lampu jalan mati di Jalan Mastrip",
            "content": "Sudah seminggu lampu jalan di depan masjid mati.",
            "reporter": {"name": "Budi Santoso", "phone": "0812-3456-7890"},
            "kelurahan": "kanigaran",
            "address": "Jalan Mastrip depan masjid",
        }, f)
    return path


def example_env(token):
    env = dict(os.environ, ADUAN_ADDR=ADDR,
               PYTHONPATH=os.pathsep.join([GENERATED, CLIENT_DIR]))
    env.pop("ADUAN_TOKEN", None)
    if token is not None:
        env["ADUAN_TOKEN"] = token
    return env


def run_example(token, *args):
    return subprocess.run([sys.executable, EXAMPLE, *args],
                          env=example_env(token), capture_output=True,
                          text=True, timeout=60)


def parse_facts(lines):
    """The `key: value` lines of the example's output, as a dict."""
    return dict(line.split(": ", 1) for line in lines
                if not line.startswith("event "))


def require_server_env():
    """Fails unless ADUAN_ADDR and ADUAN_ADMIN_TOKEN are set, as
    tests/e2e/with_server.sh (and so CTest) always sets them."""
    for name, value in (("ADUAN_ADDR", ADDR),
                        ("ADUAN_ADMIN_TOKEN", ADMIN_TOKEN)):
        if not value:
            raise AssertionError(
                name + " is not set: run this test through "
                "tests/e2e/with_server.sh")


class LaporImportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        require_server_env()
        cls.admin = aduan_client.connect(ADDR, ADMIN_TOKEN)
        cls.gateway_token = create_principal(
            cls.admin, "lapor-gw",
            admin_pb2.RoleBinding(role=admin_pb2.RoleBinding.GATEWAY,
                                  office_code="KNG", source=GATEWAY_SOURCE))
        cls.officer_token = create_principal(
            cls.admin, "siti.officer",
            admin_pb2.RoleBinding(role=admin_pb2.RoleBinding.OFFICER,
                                  office_code="KNG"))
        cls.gateway = aduan_client.connect(ADDR, cls.gateway_token)
        cls.officer = aduan_client.connect(ADDR, cls.officer_token)
        cls.citizen = aduan_client.connect(ADDR)  # no token

    @classmethod
    def tearDownClass(cls):
        for c in (cls.admin, cls.gateway, cls.officer, cls.citizen):
            c.close()

    def count_complaints(self):
        return self.officer.complaints.ListComplaints(
            complaint_service_pb2.ListComplaintsRequest(
                office_codes=["KNG"])).total_size

    def test_import_retry_track_verify_and_follow(self):
        reference = "2406-8812345"
        report = write_report(reference)
        count_before = self.count_complaints()

        # The import, followed until an officer has verified the complaint.
        follower = subprocess.Popen(
            [sys.executable, EXAMPLE, "--interval", "0.2", "--timeout", "60",
             "import", "--report", report, "--follow-until", "VERIFIED"],
            env=example_env(self.gateway_token), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        killer = threading.Timer(90, follower.kill)
        killer.start()
        self.addCleanup(killer.cancel)
        self.addCleanup(follower.wait)
        self.addCleanup(follower.kill)
        lines = []
        while not lines or not lines[-1].startswith("state: "):
            line = follower.stdout.readline()
            if not line:
                self.fail("the example ended before importing: "
                          + follower.stderr.read())
            lines.append(line.rstrip("\n"))
        imported = parse_facts(lines)
        code = imported["tracking_code"]
        self.assertRegex(code, r"^KNG-[0-9A-Z]{8}$")
        self.assertRegex(imported["pin"], r"^[0-9]{8}$")
        self.assertEqual(imported, {
            "tracking_code": code,
            "pin": imported["pin"],
            "source": GATEWAY_SOURCE,
            "external_reference": reference,
            "request_id": "sp4n-lapor." + hashlib.sha256(
                reference.encode()).hexdigest()[:40],
            "state": "SUBMITTED",
        })
        self.assertEqual(self.count_complaints(), count_before + 1)

        # As stored, seen by the gateway itself.
        stored = self.gateway.complaints.GetComplaint(
            complaint_service_pb2.GetComplaintRequest(tracking_code=code))
        self.assertEqual(stored.state, State.SUBMITTED)
        self.assertEqual(stored.channel, complaint_pb2.Complaint.SP4N_LAPOR)
        self.assertEqual(stored.source, GATEWAY_SOURCE)
        self.assertEqual(stored.external_reference, reference)
        self.assertEqual(stored.office_code, "KNG")
        self.assertEqual(stored.title, "Lampu jalan mati di Jalan Mastrip")
        self.assertEqual(stored.complainant.name, "Budi Santoso")
        self.assertEqual(stored.complainant.phone, "+6281234567890")
        self.assertEqual(stored.location.kelurahan, "Kanigaran")

        # Running the same import again: the first result, nothing new.
        again = run_example(self.gateway_token, "import", "--report", report)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(parse_facts(again.stdout.splitlines()), imported)
        self.assertEqual(self.count_complaints(), count_before + 1)

        # The same report under another request_id: ALREADY_EXISTS.
        duplicate = run_example(self.gateway_token, "import", "--report",
                                report, "--request-id", "another-import-1")
        self.assertEqual(duplicate.returncode, 3)
        self.assertEqual(duplicate.stdout, "")
        self.assertEqual(
            duplicate.stderr,
            "already imported: ALREADY_EXISTS: complaint.external_reference: "
            "already submitted by this source as " + code + "\n")
        self.assertEqual(self.count_complaints(), count_before + 1)

        # The citizen tracks it with the PIN, without a token.
        tracked = self.citizen.intake.TrackComplaint(
            intake_service_pb2.TrackComplaintRequest(
                tracking_code=code.lower(), pin=imported["pin"]))
        self.assertEqual(tracked.tracking_code, code)
        self.assertEqual(tracked.state, State.SUBMITTED)
        self.assertEqual(tracked.office_code, "KNG")
        self.assertEqual([e.state for e in tracked.timeline],
                         [State.SUBMITTED])

        # An officer verifies it; the follower sees the new state and stops.
        verify = verification_service_pb2.VerifyComplaintRequest
        verified = self.officer.verification.VerifyComplaint(
            verify(
                tracking_code=code,
                outcome=verify.VERIFIED,
                checklist=verification_service_pb2.RequirementChecklist(
                    ktp_copy=True, location_photo=True),
                note="Lengkap"))
        self.assertEqual(verified.state, State.VERIFIED)
        out, err = follower.communicate(timeout=60)
        self.assertEqual(follower.returncode, 0, err)
        self.assertEqual(out.splitlines(), [
            "event 1: SUBMITTED STATE_UNSPECIFIED -> SUBMITTED by lapor-gw "
            "(GATEWAY)",
            "event 2: VERIFIED SUBMITTED -> VERIFIED by siti.officer "
            "(OFFICER)",
            "state: VERIFIED",
        ])
        tracked = self.citizen.intake.TrackComplaint(
            intake_service_pb2.TrackComplaintRequest(
                tracking_code=code, pin=imported["pin"]))
        self.assertEqual(tracked.state, State.VERIFIED)
        self.assertEqual([e.state for e in tracked.timeline],
                         [State.SUBMITTED, State.VERIFIED])

    def test_client_retry_keeps_request_id_and_duplicate_reference(self):
        reference = "2406-7700001"
        request = intake_service_pb2.SubmitComplaintRequest(
            complaint=complaint_pb2.Complaint(
                office_code="KNG", channel=complaint_pb2.Complaint.SP4N_LAPOR,
                external_reference=reference, title="Jalan berlubang",
                description="Lubang besar di Jalan Soekarno-Hatta.",
                complainant=complaint_pb2.Complainant(
                    name="Sri Wahyuni", email="sri@example.org")))
        first = self.gateway.intake.SubmitComplaint(request)
        # The client filled in a request_id; sending it again replays.
        self.assertRegex(request.request_id, r"^[0-9a-f-]{36}$")
        count = self.count_complaints()
        again = self.gateway.intake.SubmitComplaint(request)
        self.assertEqual(without_sla_used(again), without_sla_used(first))
        self.assertGreaterEqual(again.complaint.service_sla.used.ToTimedelta(),
                                first.complaint.service_sla.used.ToTimedelta())
        self.assertEqual(self.count_complaints(), count)

        request.request_id = aduan_client.new_request_id()
        with self.assertRaises(grpc.RpcError) as caught:
            self.gateway.intake.SubmitComplaint(request)
        self.assertEqual(caught.exception.code(),
                         grpc.StatusCode.ALREADY_EXISTS)
        self.assertEqual(
            caught.exception.details(),
            "complaint.external_reference: already submitted by this source "
            "as " + first.complaint.tracking_code)
        self.assertEqual(self.count_complaints(), count)

    def test_missing_token_is_unauthenticated(self):
        report = write_report("2406-9900001")
        count = self.count_complaints()
        result = run_example(None, "import", "--report", report)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertTrue(result.stderr.startswith("error: UNAUTHENTICATED: "),
                        result.stderr)
        self.assertEqual(self.count_complaints(), count)
        with self.assertRaises(grpc.RpcError) as caught:
            self.citizen.complaints.ListComplaints(
                complaint_service_pb2.ListComplaintsRequest())
        self.assertEqual(caught.exception.code(),
                         grpc.StatusCode.UNAUTHENTICATED)

    def test_gateway_cannot_follow_other_complaints(self):
        submitted = self.officer.intake.SubmitComplaint(
            intake_service_pb2.SubmitComplaintRequest(
                complaint=complaint_pb2.Complaint(
                    office_code="KNG", channel=complaint_pb2.Complaint.OFFICE,
                    title="Sampah menumpuk", description="Di pasar.",
                    complainant=complaint_pb2.Complainant(
                        name="Ahmad", phone="0335-421234"))))
        result = run_example(self.gateway_token, "--timeout", "1", "follow",
                             submitted.complaint.tracking_code)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertTrue(result.stderr.startswith("error: NOT_FOUND: "),
                        result.stderr)


class _FakeOutcome:
    def __init__(self, code):
        self._code = code

    def code(self):
        return self._code


class InterceptorTest(unittest.TestCase):
    """The retry and metadata rules of aduan_client, without a server."""

    def setUp(self):
        self.interceptor = client_module._Interceptor(
            "secret", timeout=7.0, max_attempts=3, backoff=0.001)
        self.details = client_module._CallDetails(
            "/aduan.v1.IntakeService/SubmitComplaint", None, None, None,
            None, None)
        self.calls = []

    def continuation_answering(self, *codes):
        answers = list(codes)

        def continuation(details, request):
            self.calls.append((details, getattr(request, "request_id", None)))
            return _FakeOutcome(answers.pop(0))
        return continuation

    def test_retries_unavailable_with_the_same_request_id(self):
        request = intake_service_pb2.SubmitComplaintRequest()
        outcome = self.interceptor.intercept_unary_unary(
            self.continuation_answering(grpc.StatusCode.UNAVAILABLE,
                                        grpc.StatusCode.DEADLINE_EXCEEDED,
                                        grpc.StatusCode.OK),
            self.details, request)
        self.assertEqual(outcome.code(), grpc.StatusCode.OK)
        self.assertEqual(len(self.calls), 3)
        self.assertTrue(request.request_id)
        self.assertEqual({rid for _, rid in self.calls}, {request.request_id})
        details = self.calls[0][0]
        self.assertEqual(details.timeout, 7.0)
        self.assertEqual(details.metadata,
                         [("authorization", "Bearer secret")])

    def test_gives_up_after_max_attempts(self):
        outcome = self.interceptor.intercept_unary_unary(
            self.continuation_answering(*[grpc.StatusCode.UNAVAILABLE] * 3),
            self.details,
            intake_service_pb2.SubmitComplaintRequest(request_id="r-1"))
        self.assertEqual(outcome.code(), grpc.StatusCode.UNAVAILABLE)
        self.assertEqual([rid for _, rid in self.calls], ["r-1"] * 3)

    def test_does_not_retry_other_errors_or_touch_reads(self):
        request = intake_service_pb2.TrackComplaintRequest(
            tracking_code="KNG-AAAAAAAA", pin="12345678")
        outcome = self.interceptor.intercept_unary_unary(
            self.continuation_answering(grpc.StatusCode.NOT_FOUND),
            self.details._replace(timeout=2.0), request)
        self.assertEqual(outcome.code(), grpc.StatusCode.NOT_FOUND)
        self.assertEqual(len(self.calls), 1)
        self.assertEqual(self.calls[0][0].timeout, 2.0)

    def test_plaintext_only_on_loopback(self):
        self.assertTrue(aduan_client.is_loopback("127.0.0.1:50051"))
        self.assertTrue(aduan_client.is_loopback("[::1]:50051"))
        self.assertTrue(aduan_client.is_loopback("localhost:50051"))
        self.assertFalse(aduan_client.is_loopback("10.0.0.5:50051"))
        self.assertFalse(aduan_client.is_loopback("aduan.example.go.id:443"))
        with self.assertRaises(ValueError):
            aduan_client.connect("10.0.0.5:50051", "secret", tls=False)


if __name__ == "__main__":
    unittest.main(verbosity=2)
