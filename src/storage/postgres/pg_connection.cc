#include "storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <spdlog/spdlog.h>

#include <cstdio>

#include "storage/engine_errors.h"

namespace parkhq::storage {
namespace {

Status ResultError(PGresult* res, const std::string& what) {
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  std::string msg = what + ": " + PQresultErrorMessage(res);
  std::string code = state ? state : "";
  // The engine's own text (table and column names) goes to the log, never to the client.
  if (code.rfind("23", 0) == 0 || code == "40001" || code == "40P01") spdlog::warn("postgresql {}: {}", code, msg);
  if (code == "23505") return Status::Conflict(kDuplicateMessage);                    // unique_violation
  if (code.rfind("23", 0) == 0) return Status::Validation(kConstraintMessage);         // other integrity
  if (code == "40001" || code == "40P01") return Status::Unavailable(kBusyMessage);  // retryable
  // Connection lost, server shutting down or starting up, read-only standby promoted away: 503.
  if (code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0) {
    spdlog::warn("postgresql {}: {}", code, msg);
    return Status::Unavailable(kUnavailableMessage);
  }
  return Status::Internal(msg);
}

// After a failed call: when the link itself is gone, the call is 503 (the pool then drops the
// connection and opens a fresh one later), whatever error text libpq produced.
Status Checked(PGconn* conn, bool* broken, Status s) {
  if (!s.ok() && PQstatus(conn) == CONNECTION_BAD) {
    *broken = true;
    spdlog::warn("postgresql connection lost: {}", s.message());
    return Status::Unavailable(kUnavailableMessage);
  }
  return s;
}

class PgStatement final : public Statement {
 public:
  PgStatement(PGconn* c, bool* broken, std::string name) : conn_(c), broken_(broken), name_(std::move(name)) {}
  ~PgStatement() override { Clear(); }

  Status Bind(const std::vector<Value>& params) override {
    Clear();
    params_.clear();
    is_null_.clear();
    for (const auto& v : params) {
      is_null_.push_back(std::holds_alternative<std::monostate>(v));
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) params_.emplace_back();
            else if constexpr (std::is_same_v<T, int64_t>) params_.push_back(std::to_string(x));
            else if constexpr (std::is_same_v<T, double>) {
              char buf[32];
              std::snprintf(buf, sizeof buf, "%.17g", x);
              params_.push_back(buf);
            } else params_.push_back(x);
          },
          v);
    }
    executed_ = false;
    return Status::Ok();
  }

  StatusOr<bool> Step() override {
    if (!executed_) {
      std::vector<const char*> values;
      for (size_t i = 0; i < params_.size(); ++i)
        values.push_back(is_null_[i] ? nullptr : params_[i].c_str());
      res_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values.size()), values.data(),
                            nullptr, nullptr, 0);
      executed_ = true;
      row_ = -1;
      auto st = PQresultStatus(res_);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Status s = Checked(conn_, broken_, ResultError(res_, "execute"));
        Clear();
        return s;
      }
      const char* n = PQcmdTuples(res_);
      affected_ = (n && *n) ? std::stoll(n) : 0;
    }
    if (!res_) return false;
    ++row_;
    return row_ < PQntuples(res_);
  }

  Row CurrentRow() const override {
    int n = PQnfields(res_);
    std::vector<Value> vals;
    vals.reserve(n);
    for (int i = 0; i < n; ++i) {
      if (PQgetisnull(res_, row_, i)) vals.emplace_back();
      else vals.emplace_back(std::string(PQgetvalue(res_, row_, i), PQgetlength(res_, row_, i)));
    }
    return Row(std::move(vals));
  }

  int64_t AffectedRows() const override { return affected_; }

  std::vector<std::string> ColumnNames() const override {
    std::vector<std::string> out;
    if (res_)
      for (int i = 0; i < PQnfields(res_); ++i) out.emplace_back(PQfname(res_, i));
    return out;
  }

 private:
  void Clear() {
    if (res_) PQclear(res_);
    res_ = nullptr;
  }
  PGconn* conn_;
  bool* broken_;
  std::string name_;
  std::vector<std::string> params_;
  std::vector<bool> is_null_;
  PGresult* res_ = nullptr;
  bool executed_ = false;
  int row_ = -1;
  int64_t affected_ = 0;
};

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

StatusOr<std::unique_ptr<Connection>> PgConnection::Open(const std::string& url) {
  // A server that does not answer fails the connect in 5 s (a 503), not a hung request; a
  // connect_timeout in the URL wins over this default.
  const char* keys[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"5", url.c_str(), nullptr};
  PGconn* c = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    // The libpq text names hosts and ports: the log has it, a client only learns "unavailable".
    spdlog::warn("cannot connect to PostgreSQL: {}", msg);
    return Status::Unavailable(kUnavailableMessage);
  }
  std::unique_ptr<PgConnection> conn(new PgConnection(c));
  PARKHQ_RETURN_IF_ERROR(conn->ExecScript("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC'"));
  return std::unique_ptr<Connection>(std::move(conn));
}

PgConnection::~PgConnection() {
  cache_.clear();
  PQfinish(conn_);
}

StatusOr<Statement*> PgConnection::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second.get();
  std::string name = "s" + std::to_string(++next_id_);
  std::string text = RewritePlaceholders(sql);
  PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    Status s = Checked(conn_, &broken_, ResultError(res, "prepare"));
    PQclear(res);
    return s;
  }
  PQclear(res);
  auto owned = std::make_unique<PgStatement>(conn_, &broken_, name);
  Statement* raw = owned.get();
  cache_.emplace(std::move(key), std::move(owned));
  return raw;
}

Status PgConnection::ExecScript(std::string_view sql) {
  std::string s(sql);
  PGresult* res = PQexec(conn_, s.c_str());
  auto st = PQresultStatus(res);
  Status out = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY)
                   ? Status::Ok()
                   : Checked(conn_, &broken_, ResultError(res, "exec"));
  PQclear(res);
  return out;
}

Status PgConnection::Begin() { return ExecScript("BEGIN"); }
Status PgConnection::Commit() { return ExecScript("COMMIT"); }
Status PgConnection::Rollback() { return ExecScript("ROLLBACK"); }

}  // namespace parkhq::storage
