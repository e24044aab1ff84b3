"""Connection, credentials, deadlines and retries for the Aduan API.

The generated modules (package ``aduan.v1``, made by ``generate.sh``) must be
importable: put their output folder on ``sys.path`` / ``PYTHONPATH``.
"""

import collections
import ipaddress
import time
import uuid

import grpc

from aduan.v1 import admin_service_pb2_grpc
from aduan.v1 import archive_service_pb2_grpc
from aduan.v1 import attachment_service_pb2_grpc
from aduan.v1 import complaint_service_pb2
from aduan.v1 import complaint_service_pb2_grpc
from aduan.v1 import disposition_service_pb2_grpc
from aduan.v1 import intake_service_pb2_grpc
from aduan.v1 import verification_service_pb2_grpc

# Failures after which a call is sent again unchanged (a mutation keeps its
# request_id, so the server returns the first result instead of acting twice).
RETRYABLE_CODES = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED})


def new_request_id():
    """A fresh request_id for a mutation (a UUID)."""
    return str(uuid.uuid4())


def is_loopback(address):
    """True when ``host:port`` names this machine (plaintext is allowed)."""
    host = address.rsplit(":", 1)[0] if ":" in address else address
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _CallDetails(
        collections.namedtuple(
            "_CallDetails",
            ("method", "timeout", "metadata", "credentials", "wait_for_ready",
             "compression")),
        grpc.ClientCallDetails):
    pass


class _Interceptor(grpc.UnaryUnaryClientInterceptor,
                   grpc.UnaryStreamClientInterceptor,
                   grpc.StreamUnaryClientInterceptor,
                   grpc.StreamStreamClientInterceptor):
    """Adds the bearer token and a default deadline to every call; fills in
    request_id of unary requests and retries them on RETRYABLE_CODES."""

    def __init__(self, token, timeout, max_attempts, backoff):
        self._metadata = (
            [("authorization", "Bearer " + token)] if token else [])
        self._timeout = timeout
        self._max_attempts = max(1, max_attempts)
        self._backoff = backoff

    def _details(self, details):
        return _CallDetails(
            details.method,
            details.timeout if details.timeout is not None else self._timeout,
            list(details.metadata or []) + self._metadata,
            details.credentials, details.wait_for_ready, details.compression)

    def intercept_unary_unary(self, continuation, client_call_details,
                              request):
        details = self._details(client_call_details)
        # The caller's message is filled in on purpose: it shows the id the
        # server saw, to be sent again if the caller retries later itself.
        if ("request_id" in request.DESCRIPTOR.fields_by_name
                and not request.request_id):
            request.request_id = new_request_id()
        delay = self._backoff
        for attempt in range(1, self._max_attempts + 1):
            outcome = continuation(details, request)
            if (attempt == self._max_attempts
                    or outcome.code() not in RETRYABLE_CODES):
                return outcome
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def intercept_unary_stream(self, continuation, client_call_details,
                               request):
        return continuation(self._details(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details,
                               request_iterator):
        return continuation(self._details(client_call_details),
                            request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details,
                                request_iterator):
        return continuation(self._details(client_call_details),
                            request_iterator)


class AduanClient:
    """The stubs of every Aduan service on one channel.

    Unary calls get the token, a deadline of ``timeout`` seconds per attempt
    (unless the call passes its own ``timeout=``), a request_id when the
    request has an empty one, and up to ``max_attempts`` attempts on
    UNAVAILABLE and DEADLINE_EXCEEDED. Errors raise ``grpc.RpcError``.
    """

    def __init__(self, channel):
        self.channel = channel
        self.intake = intake_service_pb2_grpc.IntakeServiceStub(channel)
        self.complaints = complaint_service_pb2_grpc.ComplaintServiceStub(
            channel)
        self.verification = (
            verification_service_pb2_grpc.VerificationServiceStub(channel))
        self.disposition = (
            disposition_service_pb2_grpc.DispositionServiceStub(channel))
        self.archive = archive_service_pb2_grpc.ArchiveServiceStub(channel)
        self.attachments = (
            attachment_service_pb2_grpc.AttachmentServiceStub(channel))
        self.admin = admin_service_pb2_grpc.AdminServiceStub(channel)

    def list_events(self, tracking_code, page_size=100):
        """Every event of a complaint, oldest first (all pages)."""
        events = []
        page_token = ""
        while True:
            page = self.complaints.ListComplaintEvents(
                complaint_service_pb2.ListComplaintEventsRequest(
                    tracking_code=tracking_code, page_size=page_size,
                    page_token=page_token))
            events.extend(page.events)
            page_token = page.next_page_token
            if not page_token:
                return events

    def close(self):
        self.channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def connect(address, token=None, *, tls=None, root_certificates=None,
            private_key=None, certificate_chain=None, timeout=10.0,
            max_attempts=4, backoff=0.2):
    """Opens a channel to ``address`` (``host:port``).

    token: the bearer secret (None: only TrackComplaint and the citizen's
        calls with a PIN work).
    tls: True for TLS, False for plaintext; by default plaintext on loopback
        and TLS elsewhere. Plaintext off loopback is refused, like the server
        does, so that tokens never cross a network in clear text.
    root_certificates, private_key, certificate_chain: PEM bytes of the CA to
        trust (default: the system's) and of a client certificate (mTLS).
    timeout: deadline of each attempt in seconds; max_attempts and backoff
        (seconds, doubled after each attempt) govern the retries.
    """
    if tls is None:
        tls = not is_loopback(address)
    if tls:
        channel = grpc.secure_channel(
            address,
            grpc.ssl_channel_credentials(root_certificates, private_key,
                                         certificate_chain))
    elif is_loopback(address):
        channel = grpc.insecure_channel(address)
    else:
        raise ValueError("plaintext is only allowed on loopback, not to "
                         + address)
    interceptor = _Interceptor(token, timeout, max_attempts, backoff)
    return AduanClient(grpc.intercept_channel(channel, interceptor))
