"""A small convenience layer over the generated Aduan API (package aduan.v1).

    from aduan_client import connect
    from aduan.v1 import complaint_service_pb2

    with connect("127.0.0.1:50051", token) as client:
        c = client.complaints.GetComplaint(
            complaint_service_pb2.GetComplaintRequest(tracking_code="KNG-…"))
"""

from aduan_client.client import (RETRYABLE_CODES, AduanClient, connect,
                                 is_loopback, new_request_id)

__all__ = ["RETRYABLE_CODES", "AduanClient", "connect", "is_loopback",
           "new_request_id"]
