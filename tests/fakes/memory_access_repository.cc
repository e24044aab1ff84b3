#include "tests/fakes/memory_access_repository.h"

#include <algorithm>
#include <tuple>

namespace aduan::fakes {
namespace {

absl::Status PrincipalNotFound() {
  return absl::NotFoundError("principal not found");
}
absl::Status TokenNotFound() { return absl::NotFoundError("token not found"); }

}  // namespace

model::PrincipalRecord MemoryAccessRepository::Sorted(
    model::PrincipalRecord p) {
  std::sort(p.bindings.begin(), p.bindings.end(),
            [](const auto& a, const auto& b) {
              // Roles sort by their stored names, as in SQL.
              const absl::string_view ra = model::Name(a.role);
              const absl::string_view rb = model::Name(b.role);
              return std::tie(a.office_code, ra, a.unit_code, a.source) <
                     std::tie(b.office_code, rb, b.unit_code, b.source);
            });
  return p;
}

const model::PrincipalRecord* MemoryAccessRepository::FindLocked(
    const std::string& id) const {
  auto it = principals_.find(id);
  return it == principals_.end() ? nullptr : &it->second;
}

bool MemoryAccessRepository::TlsTakenLocked(
    const std::string& identity, const std::string& except_id) const {
  if (identity.empty()) return false;
  for (const auto& [id, p] : principals_) {
    if (id != except_id && p.tls_identity == identity) return true;
  }
  return false;
}

absl::StatusOr<std::optional<model::AccessRepository::TokenLookup>>
MemoryAccessRepository::FindToken(absl::Time, const std::string& secret_hash) {
  absl::MutexLock lock(&mu_);
  for (const model::TokenRecord& t : tokens_) {
    if (t.secret_hash != secret_hash) continue;
    const model::PrincipalRecord* p = FindLocked(t.principal_id);
    if (p == nullptr) return std::nullopt;
    return TokenLookup{t, Sorted(*p)};
  }
  return std::nullopt;
}

absl::StatusOr<std::optional<model::PrincipalRecord>>
MemoryAccessRepository::FindPrincipalByTlsIdentity(
    absl::Time, const std::string& identity) {
  absl::MutexLock lock(&mu_);
  for (const auto& [id, p] : principals_) {
    if (!identity.empty() && p.tls_identity == identity) return Sorted(p);
  }
  return std::nullopt;
}

absl::Status MemoryAccessRepository::TouchToken(absl::Time,
                                                const std::string& id,
                                                absl::Time now) {
  absl::MutexLock lock(&mu_);
  for (model::TokenRecord& t : tokens_) {
    if (t.id != id) continue;
    t.last_used_time = absl::ToUnixMicros(now);
    t.secret_sealed.clear();
  }
  return absl::OkStatus();
}

absl::Status MemoryAccessRepository::CreatePrincipal(
    absl::Time, const model::PrincipalRecord& p) {
  absl::MutexLock lock(&mu_);
  for (const auto& [id, other] : principals_) {
    if (id == p.id || other.name == p.name) {
      return absl::AlreadyExistsError("principal exists");
    }
  }
  if (TlsTakenLocked(p.tls_identity, p.id)) {
    return absl::AlreadyExistsError("TLS identity taken");
  }
  principals_[p.id] = p;
  return absl::OkStatus();
}

absl::StatusOr<model::PrincipalRecord> MemoryAccessRepository::GetPrincipal(
    absl::Time, const std::string& id) {
  absl::MutexLock lock(&mu_);
  const model::PrincipalRecord* p = FindLocked(id);
  if (p == nullptr) return PrincipalNotFound();
  return Sorted(*p);
}

absl::StatusOr<std::optional<model::PrincipalRecord>>
MemoryAccessRepository::FindPrincipalByName(absl::Time,
                                            const std::string& name) {
  absl::MutexLock lock(&mu_);
  for (const auto& [id, p] : principals_) {
    if (p.name == name) return Sorted(p);
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<model::PrincipalRecord>>
MemoryAccessRepository::ListPrincipals(absl::Time,
                                       const std::string& office_code,
                                       const std::string& after_name,
                                       int limit) {
  absl::MutexLock lock(&mu_);
  std::vector<model::PrincipalRecord> out;
  for (const auto& [id, p] : principals_) {
    if (p.name <= after_name) continue;
    if (!office_code.empty() &&
        std::none_of(p.bindings.begin(), p.bindings.end(), [&](const auto& b) {
          return b.office_code == office_code;
        })) {
      continue;
    }
    out.push_back(Sorted(p));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

absl::Status MemoryAccessRepository::UpdatePrincipal(
    absl::Time, const model::PrincipalRecord& p) {
  absl::MutexLock lock(&mu_);
  auto it = principals_.find(p.id);
  if (it == principals_.end()) return PrincipalNotFound();
  if (TlsTakenLocked(p.tls_identity, p.id)) {
    return absl::AlreadyExistsError("TLS identity taken");
  }
  it->second.display_name = p.display_name;
  it->second.disabled = p.disabled;
  it->second.tls_identity = p.tls_identity;
  it->second.update_time = p.update_time;
  return absl::OkStatus();
}

absl::Status MemoryAccessRepository::AddBinding(
    absl::Time, const std::string& principal_id,
    const model::RoleBindingRecord& binding, absl::Time) {
  absl::MutexLock lock(&mu_);
  auto it = principals_.find(principal_id);
  if (it == principals_.end()) return PrincipalNotFound();
  std::vector<model::RoleBindingRecord>& bindings = it->second.bindings;
  if (std::find(bindings.begin(), bindings.end(), binding) != bindings.end()) {
    return absl::AlreadyExistsError("role binding exists");
  }
  bindings.push_back(binding);
  return absl::OkStatus();
}

absl::Status MemoryAccessRepository::RemoveBinding(
    absl::Time, const std::string& principal_id,
    const model::RoleBindingRecord& binding) {
  absl::MutexLock lock(&mu_);
  auto it = principals_.find(principal_id);
  if (it == principals_.end()) return PrincipalNotFound();
  std::vector<model::RoleBindingRecord>& bindings = it->second.bindings;
  auto found = std::find(bindings.begin(), bindings.end(), binding);
  if (found == bindings.end()) {
    return absl::NotFoundError("role binding not found");
  }
  bindings.erase(found);
  return absl::OkStatus();
}

absl::Status MemoryAccessRepository::CreateToken(absl::Time,
                                                 const model::TokenRecord& t) {
  absl::MutexLock lock(&mu_);
  if (FindLocked(t.principal_id) == nullptr) return PrincipalNotFound();
  for (const model::TokenRecord& other : tokens_) {
    if (other.id == t.id || other.secret_hash == t.secret_hash ||
        (!t.request_key.empty() && other.request_key == t.request_key)) {
      return absl::AlreadyExistsError("token exists");
    }
  }
  tokens_.push_back(t);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<model::TokenRecord>>
MemoryAccessRepository::FindTokenByRequest(absl::Time,
                                           const std::string& request_key) {
  absl::MutexLock lock(&mu_);
  for (const model::TokenRecord& t : tokens_) {
    if (!request_key.empty() && t.request_key == request_key) return t;
  }
  return std::nullopt;
}

absl::StatusOr<model::TokenRecord> MemoryAccessRepository::GetToken(
    absl::Time, const std::string& id) {
  absl::MutexLock lock(&mu_);
  for (const model::TokenRecord& t : tokens_) {
    if (t.id == id) return t;
  }
  return TokenNotFound();
}

absl::StatusOr<model::TokenRecord> MemoryAccessRepository::RevokeToken(
    absl::Time, const std::string& id, absl::Time now) {
  absl::MutexLock lock(&mu_);
  for (model::TokenRecord& t : tokens_) {
    if (t.id != id) continue;
    if (!t.revoke_time) {
      t.revoke_time = absl::ToUnixMicros(now);
      t.secret_sealed.clear();
    }
    return t;
  }
  return TokenNotFound();
}

absl::StatusOr<std::vector<model::TokenRecord>>
MemoryAccessRepository::ListTokens(absl::Time,
                                   const std::string& principal_id) {
  absl::MutexLock lock(&mu_);
  std::vector<model::TokenRecord> out;
  for (const model::TokenRecord& t : tokens_) {
    if (t.principal_id == principal_id) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.create_time != b.create_time ? a.create_time > b.create_time
                                          : a.id < b.id;
  });
  return out;
}

absl::StatusOr<std::vector<model::AccessLogRecord>>
MemoryAccessRepository::ListAccessLog(absl::Time,
                                      const std::string& tracking_code,
                                      long long after_id, int limit) {
  absl::MutexLock lock(&mu_);
  std::vector<model::AccessLogRecord> out;
  for (const model::AccessLogRecord& a : access_log_) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (a.tracking_code == tracking_code && a.id > after_id) out.push_back(a);
  }
  return out;
}

void MemoryAccessRepository::AppendAccessLog(model::AccessLogRecord entry) {
  absl::MutexLock lock(&mu_);
  entry.id = static_cast<long long>(access_log_.size()) + 1;
  access_log_.push_back(std::move(entry));
}

}  // namespace aduan::fakes
