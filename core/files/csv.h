#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

/*!
    RFC 4180 CSV fields and rows. Text that came from outside (feed text, raw frames) goes
    through text(): a cell that a spreadsheet would read as a formula (starting with = + - @, tab
    or CR) is prefixed with an apostrophe, unless it is a plain number. Numbers we format
    ourselves go through number() untouched.
*/
namespace Csv {

QString text(QStringView value);
QString number(qint64 value);
QString number(quint64 value);
QString decimal(double value, int decimals = 3);
// Joins already-formatted fields and ends the row with CRLF.
QString row(const QStringList &fields);
bool isPlainNumber(QStringView value);

// Splits one CSV document into rows of unquoted fields (for reading our own files back).
QList<QStringList> parse(QStringView document);

} // namespace Csv
