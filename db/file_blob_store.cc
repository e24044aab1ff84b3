#include "db/file_blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan::db {
namespace {

namespace fs = std::filesystem;

bool IsSha256Hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(absl::StrCat("blob store: ", what, " ", path,
                                             ": ", std::strerror(errno)));
}

// fsync of a folder, so that a rename or a new entry in it is durable.
absl::Status SyncFolder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open folder", path);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Errno("cannot fsync folder", path);
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return absl::NotFoundError("blob not found");
    return Errno("cannot open", path);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    absl::Status s = Errno("cannot stat", path);
    ::close(fd);
    return s;
  }
  std::string out(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      absl::Status s = Errno("cannot read", path);
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return out;
}

// Creates `path` (one level) when missing and makes its entry durable.
absl::Status EnsureFolder(const std::string& path, const std::string& parent) {
  if (::mkdir(path.c_str(), 0750) == 0) return SyncFolder(parent);
  if (errno == EEXIST) return absl::OkStatus();
  return Errno("cannot create folder", path);
}

}  // namespace

absl::StatusOr<std::unique_ptr<FileBlobStore>> FileBlobStore::Open(
    const std::string& root, BlobCipher cipher) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat(
        "blob store: cannot create folder ", root, ": ", ec.message()));
  }
  const std::string tmp = root + "/tmp";
  RETURN_IF_ERROR(EnsureFolder(tmp, root));
  // Temporary files of uploads that a crash interrupted. Those younger than
  // an hour may belong to another process sharing the store.
  const auto stale = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    std::error_code ignored;
    if (entry.last_write_time(ignored) < stale) fs::remove(entry, ignored);
  }
  return std::unique_ptr<FileBlobStore>(
      new FileBlobStore(root, std::move(cipher)));
}

std::string FileBlobStore::PathOf(const std::string& sha256) const {
  return absl::StrCat(root_, "/", sha256.substr(0, 2), "/", sha256);
}

absl::StatusOr<bool> FileBlobStore::Put(const std::string& sha256,
                                        absl::string_view bytes) {
  if (!IsSha256Hex(sha256)) {
    return absl::InvalidArgumentError("blob store: not a SHA-256 digest");
  }
  const std::string path = PathOf(sha256);
  // Identical bytes are stored once; a damaged copy, or one still in clear,
  // is replaced.
  if (auto existing = ReadFile(path);
      existing.ok() && BlobCipher::IsSealed(*existing)) {
    if (auto document = cipher_.Open(*existing, sha256);
        document.ok() && Sha256Hex(*document) == sha256) {
      ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // in use again
      return false;
    }
  }
  ASSIGN_OR_RETURN(std::string sealed, cipher_.Seal(bytes, sha256));
  RETURN_IF_ERROR(WriteFile(sha256, sealed));
  return true;
}

absl::Status FileBlobStore::WriteFile(const std::string& sha256,
                                      absl::string_view bytes) {
  const std::string path = PathOf(sha256);
  const std::string folder = absl::StrCat(root_, "/", sha256.substr(0, 2));
  RETURN_IF_ERROR(EnsureFolder(folder, root_));
  ASSIGN_OR_RETURN(std::string nonce, RandomBytes(8));
  const std::string tmp = absl::StrCat(root_, "/tmp/", sha256, ".",
                                       absl::BytesToHexString(nonce), ".part");
  const int fd =
      ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return Errno("cannot create", tmp);
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n =
        ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      absl::Status s = Errno("cannot write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    absl::Status s = Errno("cannot fsync", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    absl::Status s = Errno("cannot rename into", path);
    ::unlink(tmp.c_str());
    return s;
  }
  return SyncFolder(folder);
}

absl::StatusOr<FileBlobStore::SealReport> FileBlobStore::SealClearBlobs() {
  SealReport report;
  ASSIGN_OR_RETURN(std::vector<std::string> all,
                   ListOlderThan(absl::InfiniteFuture()));
  for (const std::string& sha256 : all) {
    const std::string path = PathOf(sha256);
    // Only the first bytes tell a sealed file: the rest is read only for
    // one still in clear.
    char head[4] = {};
    ssize_t got = -1;
    if (const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
      got = ::read(fd, head, sizeof head);
      ::close(fd);
    }
    if (got == static_cast<ssize_t>(sizeof head) &&
        BlobCipher::IsSealed(absl::string_view(head, sizeof head))) {
      continue;
    }
    absl::StatusOr<std::string> stored = ReadFile(path);
    if (absl::IsNotFound(stored.status())) continue;  // removed meanwhile
    if (!stored.ok()) {
      // One unreadable file does not keep the server from starting; the
      // archive check reports the document.
      ++report.unreadable;
      continue;
    }
    if (BlobCipher::IsSealed(*stored)) continue;
    if (Sha256Hex(*stored) != sha256) {
      ++report.damaged;
      continue;
    }
    // Keeps the file's time, which the sweep of unreferenced blobs reads.
    struct stat st;
    const bool timed = ::stat(path.c_str(), &st) == 0;
    ASSIGN_OR_RETURN(std::string sealed, cipher_.Seal(*stored, sha256));
    Wipe(*stored);
    RETURN_IF_ERROR(WriteFile(sha256, sealed));
    if (timed) {
      const struct timespec times[2] = {st.st_atim, st.st_mtim};
      ::utimensat(AT_FDCWD, path.c_str(), times, 0);
    }
    ++report.sealed;
  }
  return report;
}

absl::StatusOr<std::vector<std::string>> FileBlobStore::ListOlderThan(
    absl::Time cutoff) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& folder : fs::directory_iterator(root_, ec)) {
    const std::string name = folder.path().filename().string();
    if (!folder.is_directory() || name.size() != 2) continue;
    for (const auto& entry : fs::directory_iterator(folder.path(), ec)) {
      const std::string sha = entry.path().filename().string();
      struct stat st;
      if (!IsSha256Hex(sha) || ::stat(entry.path().c_str(), &st) != 0) continue;
      if (absl::TimeFromTimespec(st.st_mtim) < cutoff) out.push_back(sha);
    }
  }
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("blob store: cannot list ", root_, ": ", ec.message()));
  }
  return out;
}

absl::StatusOr<bool> FileBlobStore::RemoveIfOlderThan(const std::string& sha256,
                                                      absl::Time cutoff) {
  if (!IsSha256Hex(sha256)) return false;
  const std::string path = PathOf(sha256);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  if (absl::TimeFromTimespec(st.st_mtim) >= cutoff) return false;
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return false;
    return Errno("cannot remove", path);
  }
  return true;
}

absl::StatusOr<std::string> FileBlobStore::Get(const std::string& sha256) {
  if (!IsSha256Hex(sha256)) return absl::NotFoundError("blob not found");
  ASSIGN_OR_RETURN(std::string stored, ReadFile(PathOf(sha256)));
  // A file still in clear (written before sealing) is read as it is; the
  // callers compare its digest.
  if (!BlobCipher::IsSealed(stored)) return stored;
  return cipher_.Open(stored, sha256);
}

}  // namespace aduan::db
