// CanonicalJson: a JSON value with one byte-exact text form, for archive
// records whose digest must be recomputable (docs/archive.md states the
// rules):
//  - objects: keys sorted by their UTF-8 bytes, no duplicates;
//  - no whitespace outside strings; `,` and `:` only;
//  - strings: UTF-8 as given, except `"` → `\"`, `\` → `\\`, and bytes
//    0x00–0x1F → `\u00xx` (lower-case hex); nothing else is escaped;
//  - integers only (no fractions or exponents): `-?[1-9][0-9]*` or `0`;
//  - `true`, `false`, `null`.
#ifndef ADUAN_SERVER_DOMAIN_CANONICAL_JSON_H_
#define ADUAN_SERVER_DOMAIN_CANONICAL_JSON_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace aduan::domain {

// A value; build with the factories, then Serialize(). Not thread-safe while
// being built.
class CanonicalJson {
 public:
  static CanonicalJson Null();
  static CanonicalJson Bool(bool b);
  static CanonicalJson Int(long long i);
  static CanonicalJson String(std::string s);
  // A name of the vocabulary (model::Name).
  static CanonicalJson String(absl::string_view s) {
    return String(std::string(s));
  }
  static CanonicalJson String(const char* s) { return String(std::string(s)); }
  static CanonicalJson Array();
  static CanonicalJson Object();

  // Object: sets `key` (replacing a previous value). Returns *this.
  CanonicalJson& Set(const std::string& key, CanonicalJson value);
  // Array: appends. Returns *this.
  CanonicalJson& Add(CanonicalJson value);

  // The canonical text.
  std::string Serialize() const;

 private:
  enum class Kind { kNull, kBool, kInt, kString, kArray, kObject };
  void AppendTo(std::string& out) const;

  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  long long int_ = 0;
  std::string string_;
  std::vector<CanonicalJson> array_;
  std::map<std::string, CanonicalJson> object_;  // std::less: byte order
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_CANONICAL_JSON_H_
