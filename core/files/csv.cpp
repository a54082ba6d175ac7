#include "csv.h"

namespace Csv {

bool isPlainNumber(QStringView v)
{
    qsizetype i = 0;
    const qsizetype n = v.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && v[i].isDigit() && v[i].unicode() < 128)
            ++i;
        return i > start;
    };
    if (i < n && (v[i] == QLatin1Char('-') || v[i] == QLatin1Char('+')))
        ++i;
    if (!digits())
        return false;
    if (i < n && v[i] == QLatin1Char('.')) {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (v[i] == QLatin1Char('e') || v[i] == QLatin1Char('E'))) {
        ++i;
        if (i < n && (v[i] == QLatin1Char('-') || v[i] == QLatin1Char('+')))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

QString text(QStringView value)
{
    QString cell = value.toString();
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        const bool formulaLike = first == QLatin1Char('=') || first == QLatin1Char('+')
            || first == QLatin1Char('-') || first == QLatin1Char('@') || first == QLatin1Char('\t')
            || first == QLatin1Char('\r');
        if (formulaLike && !isPlainNumber(cell))
            cell.prepend(QLatin1Char('\''));
    }
    const bool needsQuotes = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
        || cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))
        || (!cell.isEmpty() && (cell.front().isSpace() || cell.back().isSpace()));
    if (!needsQuotes)
        return cell;
    cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QString number(qint64 value)
{
    return QString::number(value);
}

QString number(quint64 value)
{
    return QString::number(value);
}

QString decimal(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString row(const QStringList &fields)
{
    return fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QList<QStringList> parse(QStringView document)
{
    QList<QStringList> rows;
    QStringList current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < document.size(); ++i) {
        const QChar c = document[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < document.size() && document[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            current << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < document.size()
                && document[i + 1] == QLatin1Char('\n'))
                ++i;
            current << field;
            rows << current;
            current.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !current.isEmpty()) {
        current << field;
        rows << current;
    }
    return rows;
}

} // namespace Csv
