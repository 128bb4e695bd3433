#include "storage/postgresql/pg_statement.hpp"

#include <charconv>
#include <cstring>
#include <system_error>

namespace exam::storage::postgresql {

PgStatement& PgStatement::set(int index, PgParam value) {
    if (index < 1) throw PgError("parameter " + std::to_string(index) + " does not exist: they are numbered from 1", "");
    if (params_.size() < static_cast<std::size_t>(index)) params_.resize(static_cast<std::size_t>(index));
    params_[static_cast<std::size_t>(index - 1)] = std::move(value);
    return *this;
}

PgStatement& PgStatement::bind(int index, double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest text that reads back the same
    if (error != std::errc{}) throw_unrepresentable(index);
    return set(index, std::string(buffer, end));
}

PgStatement& PgStatement::bind(int index, std::span<const std::byte> blob) {
    Bytes bytes;
    bytes.value.resize(blob.size());
    if (!blob.empty()) std::memcpy(bytes.value.data(), blob.data(), blob.size());
    return set(index, std::move(bytes));
}

Step PgStatement::step() {
    if (!result_) {
        result_.emplace(connection_->exec_prepared(*name_, *sql_, params_));
        row_ = -1;
    }
    if (row_ + 1 < result_->rows()) {
        ++row_;
        return Step::row;
    }
    row_ = result_->rows();
    return Step::done;
}

void PgStatement::run() {
    while (step() == Step::row) {
    }
}

void PgStatement::reset() {
    params_.clear();
    result_.reset();
    row_ = -1;
}

void PgStatement::check_row(int column) const {
    if (!result_ || row_ < 0 || row_ >= result_->rows()) throw PgError("no current row to read a column from", "");
    if (column < 0 || column >= result_->columns()) {
        throw PgError("column " + std::to_string(column) + " is not in the result", "");
    }
}

bool PgStatement::is_null(int column) const {
    check_row(column);
    return result_->is_null(row_, column);
}

std::int64_t PgStatement::column_int64(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a value was expected");
    const std::string text = result_->text(row_, column);
    if (text == "t") return 1;  // a boolean expression's result
    if (text == "f") return 0;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) throw_mismatch(column, "not an integer: " + text);
    return value;
}

double PgStatement::column_double(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a value was expected");
    const std::string text = result_->text(row_, column);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) throw_mismatch(column, "not a number: " + text);
    return value;
}

std::string PgStatement::column_text(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a value was expected");
    return result_->text(row_, column);
}

std::vector<std::byte> PgStatement::column_blob(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a value was expected");
    const std::string bytes = result_->bytes(row_, column);
    std::vector<std::byte> out(bytes.size());
    if (!bytes.empty()) std::memcpy(out.data(), bytes.data(), bytes.size());
    return out;
}

int PgStatement::column_count() const { return result_ ? result_->columns() : 0; }

void PgStatement::throw_unrepresentable(int index) const {
    throw PgError("parameter " + std::to_string(index) + " holds a value PostgreSQL cannot be given", "");
}

void PgStatement::throw_mismatch(int column, std::string_view why) const {
    throw PgError("column " + std::to_string(column) + ": " + std::string(why), "");
}

}  // namespace exam::storage::postgresql
