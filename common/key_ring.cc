#include "common/key_ring.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan {
namespace {

absl::Status WriteNewKey(const std::string& path) {
  ASSIGN_OR_RETURN(std::string master, RandomBytes(32));
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return absl::InternalError(absl::StrCat("key_file: cannot create ", path));
  }
  const std::string text = absl::StrCat(absl::BytesToHexString(master), "\n");
  const bool ok = write(fd, text.data(), text.size()) ==
                      static_cast<ssize_t>(text.size()) &&
                  fsync(fd) == 0;
  close(fd);
  if (!ok)
    return absl::InternalError(absl::StrCat("key_file: cannot write ", path));
  return absl::OkStatus();
}

}  // namespace

KeyRing KeyRing::FromMasterKey(absl::string_view master) {
  KeyRing k;
  k.pin_key_ = HmacSha256(master, "aduan pin v1");
  k.archive_key_ = HmacSha256(master, "aduan archive v1");
  k.pii_key_ = HmacSha256(master, "aduan pii encryption v1");
  k.index_key_ = HmacSha256(master, "aduan pii index v1");
  k.blob_key_ = HmacSha256(master, "aduan blob encryption v1");
  k.key_id_ = absl::BytesToHexString(
      HmacSha256(master, "aduan key id v1").substr(0, 8));
  return k;
}

absl::StatusOr<KeyRing> KeyRing::Load(const std::string& path,
                                      bool create_if_missing) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (!create_if_missing) {
      return absl::NotFoundError(
          absl::StrCat("key_file: ", path, " not found"));
    }
    RETURN_IF_ERROR(WriteNewKey(path));
    if (stat(path.c_str(), &st) != 0) {
      return absl::InternalError(absl::StrCat("key_file: cannot read ", path));
    }
  }
  if ((st.st_mode & 077) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("key_file: ", path,
                     " must not be readable by group or others (chmod 600)"));
  }
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string hex(absl::StripAsciiWhitespace(buf.str()));
  if (hex.size() != 64 ||
      hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("key_file: ", path, " must hold 64 hex characters"));
  }
  return FromMasterKey(absl::HexStringToBytes(hex));
}

}  // namespace aduan
