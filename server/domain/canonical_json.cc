#include "server/domain/canonical_json.h"

#include "absl/strings/str_cat.h"

namespace aduan::domain {
namespace {

void AppendString(std::string& out, const std::string& s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20) {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

}  // namespace

CanonicalJson CanonicalJson::Null() { return CanonicalJson(); }

CanonicalJson CanonicalJson::Bool(bool b) {
  CanonicalJson v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  return v;
}

CanonicalJson CanonicalJson::Int(long long i) {
  CanonicalJson v;
  v.kind_ = Kind::kInt;
  v.int_ = i;
  return v;
}

CanonicalJson CanonicalJson::String(std::string s) {
  CanonicalJson v;
  v.kind_ = Kind::kString;
  v.string_ = std::move(s);
  return v;
}

CanonicalJson CanonicalJson::Array() {
  CanonicalJson v;
  v.kind_ = Kind::kArray;
  return v;
}

CanonicalJson CanonicalJson::Object() {
  CanonicalJson v;
  v.kind_ = Kind::kObject;
  return v;
}

CanonicalJson& CanonicalJson::Set(const std::string& key, CanonicalJson value) {
  object_.insert_or_assign(key, std::move(value));
  return *this;
}

CanonicalJson& CanonicalJson::Add(CanonicalJson value) {
  array_.push_back(std::move(value));
  return *this;
}

std::string CanonicalJson::Serialize() const {
  std::string out;
  AppendTo(out);
  return out;
}

void CanonicalJson::AppendTo(std::string& out) const {
  switch (kind_) {
    case Kind::kNull:
      out += "null";
      return;
    case Kind::kBool:
      out += bool_ ? "true" : "false";
      return;
    case Kind::kInt:
      absl::StrAppend(&out, int_);
      return;
    case Kind::kString:
      AppendString(out, string_);
      return;
    case Kind::kArray: {
      out.push_back('[');
      bool first = true;
      for (const CanonicalJson& v : array_) {
        if (!first) out.push_back(',');
        first = false;
        v.AppendTo(out);
      }
      out.push_back(']');
      return;
    }
    case Kind::kObject: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, v] : object_) {
        if (!first) out.push_back(',');
        first = false;
        AppendString(out, k);
        out.push_back(':');
        v.AppendTo(out);
      }
      out.push_back('}');
      return;
    }
  }
}

}  // namespace aduan::domain
