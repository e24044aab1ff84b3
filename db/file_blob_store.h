// The default blob store: files on a local (or shared) file system.
//
// Layout under the root folder: `ab/abcdef…` (the first two hex digits of
// the digest as a subfolder) and `tmp/` for uploads in flight. A blob is
// written to a unique temporary file, fsynced, renamed into place (atomic on
// POSIX), and the folder fsynced, so a reader never sees a partial blob and
// a crash leaves at most a stray temporary file, which Open removes when it
// is older than an hour.
//
// Every file is sealed (AES-256-GCM, common/blob_cipher.h) under the
// server's blob key, its name staying the SHA-256 of the document, so that
// identical documents are still stored once. Files written in clear by an
// older version are read as they are and sealed by SealClearBlobs (at
// start) or by the next Put of the same document.
#ifndef ADUAN_DB_FILE_BLOB_STORE_H_
#define ADUAN_DB_FILE_BLOB_STORE_H_

#include <memory>
#include <string>

#include "common/blob_cipher.h"
#include "server/domain/model/blob_store.h"

namespace aduan::db {

class FileBlobStore : public model::BlobStore {
 public:
  // Creates the folders when missing and clears stale temporary files.
  // Errors: kUnavailable when the folder cannot be created or written.
  static absl::StatusOr<std::unique_ptr<FileBlobStore>> Open(
      const std::string& root, BlobCipher cipher);

  // Also repairs a stored file whose bytes no longer match its name by
  // writing the given bytes again, and refreshes the time of one that is
  // already there (so that a sweep of unreferenced blobs spares it).
  absl::StatusOr<bool> Put(const std::string& sha256,
                           absl::string_view bytes) override;
  // The document, opened. Errors beyond BlobStore's: kDataLoss when a
  // sealed file does not open (tampered, or not this document),
  // kFailedPrecondition when another key sealed it.
  absl::StatusOr<std::string> Get(const std::string& sha256) override;
  absl::StatusOr<std::vector<std::string>> ListOlderThan(
      absl::Time cutoff) override;
  absl::StatusOr<bool> RemoveIfOlderThan(const std::string& sha256,
                                         absl::Time cutoff) override;

  // The file that holds `sha256` (whether or not it exists).
  std::string PathOf(const std::string& sha256) const;

  // What SealClearBlobs found.
  struct SealReport {
    int sealed = 0;      // clear files now sealed
    int damaged = 0;     // clear files whose bytes do not match their name,
                         // left as they are (the archive check reports them)
    int unreadable = 0;  // files that could not be read, left as they are
  };
  // Seals every file still in clear whose bytes match its name, each
  // replaced atomically (a crash leaves it in clear or sealed, never
  // partial); resumable. A sealed file costs one read of its first bytes;
  // a file that cannot be read is counted and left, not an error.
  absl::StatusOr<SealReport> SealClearBlobs();

 private:
  FileBlobStore(std::string root, BlobCipher cipher)
      : root_(std::move(root)), cipher_(std::move(cipher)) {}

  // Writes `sealed` as the file of `sha256`: a temporary file, fsynced,
  // renamed into place, the folder fsynced.
  absl::Status WriteFile(const std::string& sha256, absl::string_view sealed);

  const std::string root_;
  const BlobCipher cipher_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_FILE_BLOB_STORE_H_
