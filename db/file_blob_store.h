// The default blob store: files on a local (or shared) file system.
//
// Layout under the root folder: `ab/abcdef…` (the first two hex digits of
// the digest as a subfolder) and `tmp/` for uploads in flight. A blob is
// written to a unique temporary file, fsynced, renamed into place (atomic on
// POSIX), and the folder fsynced, so a reader never sees a partial blob and
// a crash leaves at most a stray temporary file, which Open removes when it
// is older than an hour.
#ifndef ADUAN_DB_FILE_BLOB_STORE_H_
#define ADUAN_DB_FILE_BLOB_STORE_H_

#include <memory>
#include <string>

#include "db/blob_store.h"

namespace aduan::db {

class FileBlobStore : public BlobStore {
 public:
  // Creates the folders when missing and clears stale temporary files.
  // Errors: kUnavailable when the folder cannot be created or written.
  static absl::StatusOr<std::unique_ptr<FileBlobStore>> Open(
      const std::string& root);

  // Also repairs a stored file whose bytes no longer match its name by
  // writing the given bytes again, and refreshes the time of one that is
  // already there (so that a sweep of unreferenced blobs spares it).
  absl::StatusOr<bool> Put(const std::string& sha256,
                           absl::string_view bytes) override;
  absl::StatusOr<std::string> Get(const std::string& sha256) override;
  absl::StatusOr<std::vector<std::string>> ListOlderThan(
      absl::Time cutoff) override;
  absl::StatusOr<bool> RemoveIfOlderThan(const std::string& sha256,
                                         absl::Time cutoff) override;

  // The file that holds `sha256` (whether or not it exists).
  std::string PathOf(const std::string& sha256) const;

 private:
  explicit FileBlobStore(std::string root) : root_(std::move(root)) {}

  const std::string root_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_FILE_BLOB_STORE_H_
