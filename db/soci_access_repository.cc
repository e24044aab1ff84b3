#include "db/soci_access_repository.h"

#include <soci/soci.h>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "db/vocabulary_sql.h"

namespace aduan::db {
namespace {

constexpr char kPrincipalColumns[] =
    "id, name, display_name, disabled, tls_identity, create_time, update_time";
constexpr char kSelectBindings[] =
    "SELECT role, office_code, unit_code, source FROM role_bindings "
    "WHERE principal_id = :id ORDER BY office_code, role, unit_code, source";
constexpr char kTokenColumns[] =
    "id, principal_id, secret_hash, description, create_time, expire_time, "
    "last_used_time, revoke_time, request_key, request_fingerprint, "
    "secret_sealed";
// One round trip for authentication: token, principal and bindings.
constexpr char kFindToken[] =
    "SELECT t.id, t.principal_id, t.description, t.create_time, "
    "t.expire_time, t.last_used_time, t.revoke_time, p.name, p.display_name, "
    "p.disabled, p.tls_identity, p.create_time, p.update_time, b.role, "
    "b.office_code, b.unit_code, b.source FROM api_tokens t JOIN principals p "
    "ON p.id = t.principal_id LEFT JOIN role_bindings b ON b.principal_id = "
    "p.id WHERE t.secret_hash = :hash ORDER BY b.office_code, b.role, "
    "b.unit_code, b.source";
// The first use shows the secret arrived: the sealed copy kept for a retry
// of IssueToken goes.
constexpr char kTouchToken[] =
    "UPDATE api_tokens SET last_used_time = :now, secret_sealed = NULL "
    "WHERE id = :id";
constexpr char kInsertPrincipal[] =
    "INSERT INTO principals (id, name, display_name, disabled, tls_identity, "
    "create_time, update_time) VALUES (:id, :name, :display, :disabled, :tls, "
    ":ct, :ut)";
constexpr char kUpdatePrincipal[] =
    "UPDATE principals SET display_name = :display, disabled = :disabled, "
    "tls_identity = :tls, update_time = :ut WHERE id = :id";
constexpr char kCountPrincipal[] =
    "SELECT COUNT(*) FROM principals WHERE id = :id";
constexpr char kInsertBinding[] =
    "INSERT INTO role_bindings (principal_id, role, office_code, unit_code, "
    "source, create_time) VALUES (:id, :role, :office, :unit, :source, :ct)";
constexpr char kDeleteBinding[] =
    "DELETE FROM role_bindings WHERE principal_id = :id AND role = :role AND "
    "office_code = :office AND unit_code = :unit AND source = :source";
constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (id, principal_id, secret_hash, description, "
    "create_time, expire_time, request_key, request_fingerprint, "
    "secret_sealed) VALUES (:id, :pid, :hash, :description, :ct, :expire, "
    ":rkey, :rfp, :sealed)";
constexpr char kRevokeToken[] =
    "UPDATE api_tokens SET revoke_time = :now, secret_sealed = NULL "
    "WHERE id = :id AND revoke_time IS NULL";
constexpr char kSelectAccessLog[] =
    "SELECT id, office_code, tracking_code, principal_id, principal_name, "
    "role, reason, create_time FROM access_log WHERE tracking_code = :t AND "
    "id > :after ORDER BY id";

struct PrincipalRow {
  model::PrincipalRecord r;
  int disabled = 0;
  std::string tls;
  soci::indicator i_tls = soci::i_null;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.name));
    st.exchange(soci::into(r.display_name));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(tls, i_tls));
    st.exchange(soci::into(r.create_time));
    st.exchange(soci::into(r.update_time));
  }
  model::PrincipalRecord Take() {
    model::PrincipalRecord out = r;
    out.disabled = disabled != 0;
    out.tls_identity = i_tls == soci::i_ok ? tls : "";
    return out;
  }
};

struct TokenRow {
  model::TokenRecord r;
  long long expire = 0, used = 0, revoked = 0;
  soci::indicator i_expire = soci::i_null, i_used = soci::i_null,
                  i_revoked = soci::i_null, i_key = soci::i_null,
                  i_fp = soci::i_null, i_sealed = soci::i_null;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.principal_id));
    st.exchange(soci::into(r.secret_hash));
    st.exchange(soci::into(r.description));
    st.exchange(soci::into(r.create_time));
    st.exchange(soci::into(expire, i_expire));
    st.exchange(soci::into(used, i_used));
    st.exchange(soci::into(revoked, i_revoked));
    st.exchange(soci::into(r.request_key, i_key));
    st.exchange(soci::into(r.request_fingerprint, i_fp));
    st.exchange(soci::into(r.secret_sealed, i_sealed));
  }
  model::TokenRecord Take() {
    auto opt = [](long long v, soci::indicator i) {
      return i == soci::i_ok ? std::optional<long long>(v) : std::nullopt;
    };
    model::TokenRecord out = r;
    out.expire_time = opt(expire, i_expire);
    out.last_used_time = opt(used, i_used);
    out.revoke_time = opt(revoked, i_revoked);
    if (i_key != soci::i_ok) out.request_key.clear();
    if (i_fp != soci::i_ok) out.request_fingerprint.clear();
    if (i_sealed != soci::i_ok) out.secret_sealed.clear();
    return out;
  }
};

void LoadBindings(soci::session& sql, model::PrincipalRecord& p) {
  p.bindings.clear();
  model::RoleBindingRecord b;
  soci::statement st = (sql.prepare << kSelectBindings, soci::use(p.id, "id"),
                        soci::into(b.role), soci::into(b.office_code),
                        soci::into(b.unit_code), soci::into(b.source));
  if (st.execute(true)) {
    do p.bindings.push_back(b);
    while (st.fetch());
  }
}

// Runs a one-row principal query with one bound string.
std::optional<model::PrincipalRecord> SelectPrincipal(
    soci::session& sql, const std::string& where, const std::string& value) {
  PrincipalRow row;
  std::string v = value;
  soci::statement st(sql);
  row.Bind(st);
  st.exchange(soci::use(v, "v"));
  st.alloc();
  st.prepare(absl::StrCat("SELECT ", kPrincipalColumns,
                          " FROM principals WHERE ", where, " = :v"));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  model::PrincipalRecord p = row.Take();
  LoadBindings(sql, p);
  return p;
}

soci::indicator NullIfEmpty(const std::string& s) {
  return s.empty() ? soci::i_null : soci::i_ok;
}

std::optional<model::TokenRecord> SelectToken(soci::session& sql,
                                              const std::string& where,
                                              const std::string& value) {
  TokenRow row;
  std::string v = value;
  soci::statement st(sql);
  row.Bind(st);
  st.exchange(soci::use(v, "v"));
  st.alloc();
  st.prepare(absl::StrCat("SELECT ", kTokenColumns, " FROM api_tokens WHERE ",
                          where, " = :v"));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return row.Take();
}

}  // namespace

absl::StatusOr<std::optional<model::AccessRepository::TokenLookup>>
SociAccessRepository::FindToken(absl::Time deadline,
                                const std::string& secret_hash) {
  std::optional<TokenLookup> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.reset();
    TokenLookup found;
    model::TokenRecord& t = found.token;
    model::PrincipalRecord& p = found.principal;
    long long expire = 0, used = 0, revoked = 0;
    int disabled = 0;
    std::string tls;
    model::RoleBindingRecord b;
    soci::indicator i_expire, i_used, i_revoked, i_tls, i_role, i_office,
        i_unit, i_source;
    soci::statement st =
        (sql.prepare << kFindToken, soci::use(secret_hash, "hash"),
         soci::into(t.id), soci::into(t.principal_id),
         soci::into(t.description), soci::into(t.create_time),
         soci::into(expire, i_expire), soci::into(used, i_used),
         soci::into(revoked, i_revoked), soci::into(p.name),
         soci::into(p.display_name), soci::into(disabled),
         soci::into(tls, i_tls), soci::into(p.create_time),
         soci::into(p.update_time), soci::into(b.role, i_role),
         soci::into(b.office_code, i_office), soci::into(b.unit_code, i_unit),
         soci::into(b.source, i_source));
    if (!st.execute(true)) return absl::OkStatus();
    auto opt = [](long long v, soci::indicator i) {
      return i == soci::i_ok ? std::optional<long long>(v) : std::nullopt;
    };
    t.secret_hash = secret_hash;
    t.expire_time = opt(expire, i_expire);
    t.last_used_time = opt(used, i_used);
    t.revoke_time = opt(revoked, i_revoked);
    p.id = t.principal_id;
    p.disabled = disabled != 0;
    p.tls_identity = i_tls == soci::i_ok ? tls : "";
    do {
      if (i_role == soci::i_ok) p.bindings.push_back(b);
    } while (st.fetch());
    out = std::move(found);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<model::PrincipalRecord>>
SociAccessRepository::FindPrincipalByTlsIdentity(absl::Time deadline,
                                                 const std::string& identity) {
  std::optional<model::PrincipalRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectPrincipal(sql, "tls_identity", identity);
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SociAccessRepository::TouchToken(absl::Time deadline,
                                              const std::string& id,
                                              absl::Time now) {
  const long long now_us = absl::ToUnixMicros(now);
  return db_.Write(deadline, [&](soci::session& sql) {
    sql << kTouchToken, soci::use(now_us, "now"), soci::use(id, "id");
    return absl::OkStatus();
  });
}

absl::Status SociAccessRepository::CreatePrincipal(
    absl::Time deadline, const model::PrincipalRecord& p) {
  return db_.Write(deadline, [&](soci::session& sql) {
    const int disabled = p.disabled ? 1 : 0;
    std::string tls = p.tls_identity;
    soci::indicator i_tls = tls.empty() ? soci::i_null : soci::i_ok;
    sql << kInsertPrincipal, soci::use(p.id, "id"), soci::use(p.name, "name"),
        soci::use(p.display_name, "display"), soci::use(disabled, "disabled"),
        soci::use(tls, i_tls, "tls"), soci::use(p.create_time, "ct"),
        soci::use(p.update_time, "ut");
    for (const model::RoleBindingRecord& b : p.bindings) {
      sql << kInsertBinding, soci::use(p.id, "id"), soci::use(b.role, "role"),
          soci::use(b.office_code, "office"), soci::use(b.unit_code, "unit"),
          soci::use(b.source, "source"), soci::use(p.create_time, "ct");
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<model::PrincipalRecord> SociAccessRepository::GetPrincipal(
    absl::Time deadline, const std::string& id) {
  model::PrincipalRecord out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    std::optional<model::PrincipalRecord> p = SelectPrincipal(sql, "id", id);
    if (!p) return absl::NotFoundError("principal not found");
    out = *std::move(p);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<model::PrincipalRecord>>
SociAccessRepository::FindPrincipalByName(absl::Time deadline,
                                          const std::string& name) {
  std::optional<model::PrincipalRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectPrincipal(sql, "name", name);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<model::PrincipalRecord>>
SociAccessRepository::ListPrincipals(absl::Time deadline,
                                     const std::string& office_code,
                                     const std::string& after_name, int limit) {
  std::vector<model::PrincipalRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    PrincipalRow row;
    std::string after = after_name;
    std::string office = office_code;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(after, "after"));
    std::string where = "name > :after";
    if (!office.empty()) {
      st.exchange(soci::use(office, "office"));
      where +=
          " AND id IN (SELECT principal_id FROM role_bindings WHERE "
          "office_code = :office)";
    }
    st.alloc();
    st.prepare(absl::StrCat("SELECT ", kPrincipalColumns,
                            " FROM principals WHERE ", where,
                            " ORDER BY name LIMIT ", limit));
    st.define_and_bind();
    if (st.execute(true)) {
      do out.push_back(row.Take());
      while (st.fetch());
    }
    for (model::PrincipalRecord& p : out) LoadBindings(sql, p);
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SociAccessRepository::UpdatePrincipal(
    absl::Time deadline, const model::PrincipalRecord& p) {
  return db_.Write(deadline, [&](soci::session& sql) {
    const int disabled = p.disabled ? 1 : 0;
    std::string tls = p.tls_identity;
    soci::indicator i_tls = tls.empty() ? soci::i_null : soci::i_ok;
    soci::statement st =
        (sql.prepare << kUpdatePrincipal, soci::use(p.display_name, "display"),
         soci::use(disabled, "disabled"), soci::use(tls, i_tls, "tls"),
         soci::use(p.update_time, "ut"), soci::use(p.id, "id"));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      int n = 0;
      sql << kCountPrincipal, soci::use(p.id, "id"), soci::into(n);
      if (n == 0) return absl::NotFoundError("principal not found");
    }
    return absl::OkStatus();
  });
}

absl::Status SociAccessRepository::AddBinding(absl::Time deadline,
                                              const std::string& principal_id,
                                              const model::RoleBindingRecord& b,
                                              absl::Time now) {
  const long long now_us = absl::ToUnixMicros(now);
  return db_.Write(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << kCountPrincipal, soci::use(principal_id, "id"), soci::into(n);
    if (n == 0) return absl::NotFoundError("principal not found");
    sql << kInsertBinding, soci::use(principal_id, "id"),
        soci::use(b.role, "role"), soci::use(b.office_code, "office"),
        soci::use(b.unit_code, "unit"), soci::use(b.source, "source"),
        soci::use(now_us, "ct");
    return absl::OkStatus();
  });
}

absl::Status SociAccessRepository::RemoveBinding(
    absl::Time deadline, const std::string& principal_id,
    const model::RoleBindingRecord& b) {
  return db_.Write(deadline, [&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << kDeleteBinding, soci::use(principal_id, "id"),
         soci::use(b.role, "role"), soci::use(b.office_code, "office"),
         soci::use(b.unit_code, "unit"), soci::use(b.source, "source"));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return absl::NotFoundError("role binding not found");
    }
    return absl::OkStatus();
  });
}

absl::Status SociAccessRepository::CreateToken(absl::Time deadline,
                                               const model::TokenRecord& t) {
  return db_.Write(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << kCountPrincipal, soci::use(t.principal_id, "id"), soci::into(n);
    if (n == 0) return absl::NotFoundError("principal not found");
    long long expire = t.expire_time.value_or(0);
    soci::indicator i_expire = t.expire_time ? soci::i_ok : soci::i_null;
    soci::indicator i_key = NullIfEmpty(t.request_key);
    soci::indicator i_fp = NullIfEmpty(t.request_fingerprint);
    soci::indicator i_sealed = NullIfEmpty(t.secret_sealed);
    sql << kInsertToken, soci::use(t.id, "id"),
        soci::use(t.principal_id, "pid"), soci::use(t.secret_hash, "hash"),
        soci::use(t.description, "description"), soci::use(t.create_time, "ct"),
        soci::use(expire, i_expire, "expire"),
        soci::use(t.request_key, i_key, "rkey"),
        soci::use(t.request_fingerprint, i_fp, "rfp"),
        soci::use(t.secret_sealed, i_sealed, "sealed");
    return absl::OkStatus();
  });
}

absl::StatusOr<std::optional<model::TokenRecord>>
SociAccessRepository::FindTokenByRequest(absl::Time deadline,
                                         const std::string& request_key) {
  std::optional<model::TokenRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectToken(sql, "request_key", request_key);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<model::TokenRecord> SociAccessRepository::GetToken(
    absl::Time deadline, const std::string& id) {
  model::TokenRecord out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    std::optional<model::TokenRecord> t = SelectToken(sql, "id", id);
    if (!t) return absl::NotFoundError("token not found");
    out = *std::move(t);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<model::TokenRecord> SociAccessRepository::RevokeToken(
    absl::Time deadline, const std::string& id, absl::Time now) {
  model::TokenRecord out;
  const long long now_us = absl::ToUnixMicros(now);
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    sql << kRevokeToken, soci::use(now_us, "now"), soci::use(id, "id");
    std::optional<model::TokenRecord> t = SelectToken(sql, "id", id);
    if (!t) return absl::NotFoundError("token not found");
    out = *std::move(t);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<model::TokenRecord>>
SociAccessRepository::ListTokens(absl::Time deadline,
                                 const std::string& principal_id) {
  std::vector<model::TokenRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    TokenRow row;
    std::string pid = principal_id;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(pid, "v"));
    st.alloc();
    st.prepare(absl::StrCat("SELECT ", kTokenColumns,
                            " FROM api_tokens WHERE principal_id = :v "
                            "ORDER BY create_time DESC, id"));
    st.define_and_bind();
    if (st.execute(true)) {
      do out.push_back(row.Take());
      while (st.fetch());
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<model::AccessLogRecord>>
SociAccessRepository::ListAccessLog(absl::Time deadline,
                                    const std::string& tracking_code,
                                    long long after_id, int limit) {
  std::vector<model::AccessLogRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    model::AccessLogRecord a;
    soci::statement st =
        (sql.prepare << absl::StrCat(kSelectAccessLog, " LIMIT ", limit),
         soci::use(tracking_code, "t"), soci::use(after_id, "after"),
         soci::into(a.id), soci::into(a.office_code),
         soci::into(a.tracking_code), soci::into(a.principal_id),
         soci::into(a.principal_name), soci::into(a.role), soci::into(a.reason),
         soci::into(a.create_time));
    if (st.execute(true)) {
      do out.push_back(a);
      while (st.fetch());
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace aduan::db
