// Request ids for the API's idempotent mutations.
#ifndef ADUAN_CLIENT_REQUEST_ID_H_
#define ADUAN_CLIENT_REQUEST_ID_H_

#include <string>

namespace aduan::client {

// A fresh random UUID (version 4, lower-case, 36 characters), valid as any
// request's `request_id`. Thread-safe.
std::string NewRequestId();

}  // namespace aduan::client

#endif  // ADUAN_CLIENT_REQUEST_ID_H_
