// Values bound by name to a SOCI statement whose text is built at run time
// (the list filters): keeps each value alive while the statement runs.
#ifndef ADUAN_DB_STATEMENT_BINDER_H_
#define ADUAN_DB_STATEMENT_BINDER_H_

#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>

namespace aduan::db {

class Binder {
 public:
  void Text(soci::statement& st, const std::string& name, std::string v) {
    strings_.push_back(std::move(v));
    st.exchange(soci::use(strings_.back(), name));
  }
  void Int(soci::statement& st, const std::string& name, long long v) {
    ints_.push_back(v);
    st.exchange(soci::use(ints_.back(), name));
  }
  void OptInt(soci::statement& st, const std::string& name,
              const std::optional<long long>& v) {
    ints_.push_back(v.value_or(0));
    indicators_.push_back(v ? soci::i_ok : soci::i_null);
    st.exchange(soci::use(ints_.back(), indicators_.back(), name));
  }
  void OptDouble(soci::statement& st, const std::string& name,
                 const std::optional<double>& v) {
    doubles_.push_back(v.value_or(0));
    indicators_.push_back(v ? soci::i_ok : soci::i_null);
    st.exchange(soci::use(doubles_.back(), indicators_.back(), name));
  }
  void NullableText(soci::statement& st, const std::string& name,
                    const std::string& v) {
    strings_.push_back(v);
    indicators_.push_back(v.empty() ? soci::i_null : soci::i_ok);
    st.exchange(soci::use(strings_.back(), indicators_.back(), name));
  }

 private:
  std::deque<std::string> strings_;
  std::deque<long long> ints_;
  std::deque<double> doubles_;
  std::deque<soci::indicator> indicators_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_STATEMENT_BINDER_H_
