// Where the bytes of attached documents live: content-addressed, each blob
// named by the lower-case hex SHA-256 of its bytes, so identical documents
// are stored once. The database keeps only the metadata (attachments rows);
// a store shared by several aduand replicas (a network file system, an
// object store) can replace the filesystem default behind this interface.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_BLOB_STORE_H_
#define ADUAN_SERVER_DOMAIN_MODEL_BLOB_STORE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace aduan::model {

// Implementations are thread-safe and safe with several processes sharing
// one store.
class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // Stores `bytes`, whose SHA-256 is `sha256` (the caller computed it),
  // durably: when OK is returned the blob survives a crash. Storing bytes
  // that are already there writes nothing (and marks them in use again).
  // Returns true when this call wrote the blob. Errors: kInvalidArgument
  // (not a SHA-256 in hex), kUnavailable/kInternal (the store failed).
  virtual absl::StatusOr<bool> Put(const std::string& sha256,
                                   absl::string_view bytes) = 0;

  // The bytes stored under `sha256`, as stored (callers that need integrity
  // compare the digest). Errors: kNotFound, kUnavailable/kInternal.
  virtual absl::StatusOr<std::string> Get(const std::string& sha256) = 0;

  // Blobs last written (or last found present by Put) before `cutoff`.
  virtual absl::StatusOr<std::vector<std::string>> ListOlderThan(
      absl::Time cutoff) = 0;

  // Deletes a blob if it is still older than `cutoff` (Put may have reused
  // it since it was listed); returns whether it did. Only for blobs no
  // attachment row names.
  virtual absl::StatusOr<bool> RemoveIfOlderThan(const std::string& sha256,
                                                 absl::Time cutoff) = 0;
};

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_BLOB_STORE_H_
