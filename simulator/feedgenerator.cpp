#include "feedgenerator.h"

#include "protocol/idmath.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

bool heapAfter(double a, double b)
{
    return a > b; // min-heap through std::push_heap
}

template<typename T> bool parseNumber(const QString &text, T *out)
{
    bool ok = false;
    if constexpr (std::is_same_v<T, double>) {
        *out = text.toDouble(&ok);
        return ok && std::isfinite(*out);
    } else if constexpr (std::is_same_v<T, qint64>) {
        *out = text.toLongLong(&ok);
    } else if constexpr (std::is_same_v<T, int>) {
        *out = text.toInt(&ok);
    } else {
        *out = text.toULongLong(&ok);
    }
    return ok;
}

} // namespace

std::optional<FeedParams> FeedParams::fromQuery(const QUrlQuery &query, QString *error)
{
    FeedParams p;
    auto bad = [error](const QString &name, const QString &value, const QString &why) {
        if (error)
            *error = tr("bad parameter %1=%2: %3").arg(name, value, why);
        return std::nullopt;
    };
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = true;
        if (name == QLatin1String("count")) {
            ok = parseNumber(value, &p.count);
        } else if (name == QLatin1String("disorder")) {
            // "D" or "D,D2@P%,D3@N,...": a schedule, each step from a point of the feed on.
            const QStringList parts = value.split(QLatin1Char(','));
            ok = parseNumber(parts.first(), &p.disorder) && p.disorder <= 100000000;
            for (qsizetype i = 1; ok && i < parts.size(); ++i) {
                const QStringList step = parts[i].split(QLatin1Char('@'));
                FeedParams::DisorderStep s;
                QString at = step.value(1);
                s.percent = at.endsWith(QLatin1Char('%'));
                if (s.percent)
                    at.chop(1);
                ok = step.size() == 2 && parseNumber(step[0], &s.disorder)
                    && s.disorder <= 100000000 && parseNumber(at, &s.at)
                    && (!s.percent || s.at <= 100)
                    && (p.disorderSteps.empty() || s.percent != p.disorderSteps.back().percent
                        || s.at >= p.disorderSteps.back().at);
                p.disorderSteps.push_back(s);
            }
        } else if (name == QLatin1String("start")) {
            ok = parseNumber(value, &p.start);
        } else if (name == QLatin1String("seed")) {
            ok = parseNumber(value, &p.seed);
        } else if (name == QLatin1String("rate")) {
            ok = parseNumber(value, &p.rate) && p.rate >= 0;
        } else if (name == QLatin1String("delay")) {
            ok = parseNumber(value, &p.delayMs) && p.delayMs >= 0 && p.delayMs <= 600000;
        } else if (name == QLatin1String("dup")) {
            ok = parseNumber(value, &p.dup) && p.dup >= 0 && p.dup <= 1;
        } else if (name == QLatin1String("gap")) {
            ok = parseNumber(value, &p.gap) && p.gap >= 0 && p.gap < 1;
        } else if (name == QLatin1String("junk")) {
            ok = parseNumber(value, &p.junk) && p.junk >= 0 && p.junk <= 1;
        } else if (name == QLatin1String("oversize")) {
            ok = parseNumber(value, &p.oversize) && p.oversize >= 0 && p.oversize <= 1;
        } else if (name == QLatin1String("drop")) {
            ok = parseNumber(value, &p.dropAfter);
        } else if (name == QLatin1String("drops")) {
            ok = parseNumber(value, &p.drops);
        } else if (name == QLatin1String("replay")) {
            ok = parseNumber(value, &p.replay) && p.replay <= 1000000;
        } else if (name == QLatin1String("closecode")) {
            // 1000 and the codes an endpoint may send (RFC 6455 7.4): not 1004-1006 or 1015.
            ok = parseNumber(value, &p.closeCode)
                && ((p.closeCode >= 1000 && p.closeCode <= 1003)
                    || (p.closeCode >= 1007 && p.closeCode <= 1014)
                    || (p.closeCode >= 3000 && p.closeCode <= 4999));
        } else if (name == QLatin1String("stall")) {
            ok = parseNumber(value, &p.stallAfter);
        } else if (name == QLatin1String("size")) {
            ok = parseNumber(value, &p.size) && p.size <= FeedParams::MaxSize;
        } else {
            return bad(name, value, tr("unknown parameter"));
        }
        if (!ok)
            return bad(name, value, tr("not a valid value"));
    }
    for (const DisorderStep &s : p.disorderSteps) {
        if (s.percent && p.count == 0)
            return bad(QStringLiteral("disorder"), QString::number(s.disorder),
                       tr("a step at a percentage needs a count"));
    }
    return p;
}

QUrlQuery FeedParams::toQuery() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("count"), QString::number(count));
    QString schedule = QString::number(disorder);
    for (const DisorderStep &s : disorderSteps)
        schedule += QStringLiteral(",%1@%2%3")
                        .arg(s.disorder)
                        .arg(s.at)
                        .arg(s.percent ? QStringLiteral("%") : QString());
    q.addQueryItem(QStringLiteral("disorder"), schedule);
    q.addQueryItem(QStringLiteral("start"), QString::number(start));
    q.addQueryItem(QStringLiteral("seed"), QString::number(seed));
    if (rate > 0)
        q.addQueryItem(QStringLiteral("rate"), QString::number(rate));
    if (delayMs > 0)
        q.addQueryItem(QStringLiteral("delay"), QString::number(delayMs));
    if (dup > 0)
        q.addQueryItem(QStringLiteral("dup"), QString::number(dup));
    if (gap > 0)
        q.addQueryItem(QStringLiteral("gap"), QString::number(gap));
    if (junk > 0)
        q.addQueryItem(QStringLiteral("junk"), QString::number(junk));
    if (oversize > 0)
        q.addQueryItem(QStringLiteral("oversize"), QString::number(oversize));
    if (dropAfter > 0)
        q.addQueryItem(QStringLiteral("drop"), QString::number(dropAfter));
    if (drops > 0)
        q.addQueryItem(QStringLiteral("drops"), QString::number(drops));
    if (replay > 0)
        q.addQueryItem(QStringLiteral("replay"), QString::number(replay));
    if (closeCode > 0)
        q.addQueryItem(QStringLiteral("closecode"), QString::number(closeCode));
    if (stallAfter > 0)
        q.addQueryItem(QStringLiteral("stall"), QString::number(stallAfter));
    if (size > 0)
        q.addQueryItem(QStringLiteral("size"), QString::number(size));
    return q;
}

quint64 FeedParams::disorderAt(quint64 index) const
{
    quint64 d = disorder;
    for (const DisorderStep &s : disorderSteps) {
        const quint64 from = s.percent ? count * s.at / 100 : s.at;
        if (index >= from)
            d = s.disorder;
    }
    return d;
}

FeedGenerator::FeedGenerator(const FeedParams &params)
    : m_params(params)
    , m_rng(params.seed)
    , m_nextId(params.start)
{
    m_stats.firstId = params.start;
    m_stats.lastId = params.start;
}

QString FeedGenerator::messageText(qint64 id, qint64 text, quint64 size)
{
    char buffer[64];
    const int n = std::snprintf(buffer, sizeof(buffer), "{\"id\":%lld,\"text\":%lld",
                                static_cast<long long>(id), static_cast<long long>(text));
    QString frame = QString::fromLatin1(buffer, n);
    const qsizetype padding =
        qsizetype(size) - (frame.size() + qsizetype(sizeof(",\"pad\":\"\"}")) - 1);
    if (padding > 0)
        frame +=
            QStringLiteral(",\"pad\":\"") + QString(padding, QLatin1Char('x')) + QLatin1Char('"');
    return frame + QLatin1Char('}');
}

void FeedGenerator::generateOne()
{
    // Skip ids (gaps) only between messages, so the first id is always `start`.
    if (m_generated > 0 && m_params.gap > 0) {
        while (uniform() < m_params.gap && m_nextId < IdMath::MaxId) {
            ++m_nextId;
            ++m_stats.gaps;
        }
    }
    const quint64 index = m_generated++;
    // A key in [index, index + D + 1): sorting by key moves nothing more than D places.
    const quint64 disorder =
        m_params.disorderSteps.empty() ? m_params.disorder : m_params.disorderAt(index);
    const double key = double(index) + (disorder ? uniform() * double(disorder + 1) : 0.0);
    m_heap.push_back({key, m_nextId, index});
    std::push_heap(m_heap.begin(), m_heap.end(),
                   [](const Pending &a, const Pending &b) { return heapAfter(a.key, b.key); });
    m_stats.lastId = m_nextId;
    if (m_nextId < IdMath::MaxId)
        ++m_nextId;
}

void FeedGenerator::emitMessage(const Pending &pending)
{
    FeedFrame frame;
    frame.kind = FeedFrame::Kind::Message;
    frame.id = pending.id;
    frame.text = messageText(pending.id, qint64(m_rng() % 1000000), m_params.size);
    const quint64 position = m_emitted++;
    const quint64 displacement =
        position > pending.index ? position - pending.index : pending.index - position;
    m_stats.maxDisplacement = std::max(m_stats.maxDisplacement, displacement);
    ++m_stats.messages;
    m_recent[m_recentCount % m_recent.size()] = frame.text;
    m_recentIds[m_recentCount % m_recent.size()] = frame.id;
    ++m_recentCount;
    m_ready.push_back(std::move(frame));

    if (m_params.dup > 0 && uniform() < m_params.dup) {
        const quint64 available = std::min<quint64>(m_recentCount, m_recent.size());
        const quint64 pick = (m_recentCount - 1 - m_rng() % available) % m_recent.size();
        FeedFrame dup;
        dup.kind = FeedFrame::Kind::Duplicate;
        dup.id = m_recentIds[pick];
        dup.text = m_recent[pick];
        ++m_stats.duplicates;
        m_ready.push_back(std::move(dup));
    }
    if (m_params.junk > 0 && uniform() < m_params.junk) {
        m_ready.push_back(junkFrame(int(m_rng() % JunkKinds)));
        ++m_stats.junk;
    }
    if (m_params.oversize > 0 && uniform() < m_params.oversize) {
        FeedFrame big;
        big.kind = FeedFrame::Kind::Oversize;
        big.text = QStringLiteral("{\"pad\":\"") + QString(70 * 1024, QLatin1Char('x'))
            + QStringLiteral("\"}");
        ++m_stats.junk;
        ++m_stats.oversize;
        m_ready.push_back(std::move(big));
    }
}

FeedFrame FeedGenerator::junkFrame(int kind)
{
    FeedFrame frame;
    frame.kind = FeedFrame::Kind::Junk;
    switch (kind) {
    case 0:
        frame.text = QStringLiteral("hello");
        break;
    case 1:
        frame.text = QStringLiteral("{\"id\":");
        break;
    case 2:
        frame.text = QStringLiteral("[1,2,3]");
        break;
    case 3:
        frame.text = QStringLiteral("{\"text\":5}");
        break;
    case 4:
        frame.text = QStringLiteral("{\"id\":\"12\",\"text\":1}");
        break;
    case 5:
        frame.text = QStringLiteral("{\"id\":1.5,\"text\":1}");
        break;
    case 6:
        frame.text = QStringLiteral("{\"id\":true,\"text\":1}");
        break;
    case 7:
        frame.text = QStringLiteral("{\"id\":null,\"text\":1}");
        break;
    case 8:
        frame.text = QStringLiteral("{\"id\":99999999999999999999,\"text\":1}");
        break;
    case 9:
        frame.text = QString(); // empty frame
        break;
    default:
        frame.isBinary = true;
        frame.binary = QByteArrayLiteral("\x00\x01\x02 binary junk \xff");
        break;
    }
    return frame;
}

bool FeedGenerator::next(FeedFrame &frame)
{
    while (m_ready.empty()) {
        const bool more = m_params.count == 0 || m_generated < m_params.count;
        if (more)
            generateOne();
        // Release what no future message can precede: future keys are >= m_generated.
        while (!m_heap.empty() && (!more || m_heap.front().key < double(m_generated))) {
            std::pop_heap(m_heap.begin(), m_heap.end(), [](const Pending &a, const Pending &b) {
                return heapAfter(a.key, b.key);
            });
            const Pending pending = m_heap.back();
            m_heap.pop_back();
            emitMessage(pending);
            if (more)
                break; // one at a time keeps the interleaving of faults natural
        }
        if (!more && m_heap.empty() && m_ready.empty())
            return false;
    }
    frame = std::move(m_ready.front());
    m_ready.pop_front();
    ++m_stats.frames;
    return true;
}
