#include "feedservercommandline.h"

#include "capture/capturesource.h"
#include "protocol/wireprotocol.h"

namespace {

// The table of reorder-feed-server's options: each declared once, in the order --help lists
// them. Texts are translated in the context "FeedServerCommandLine".
constexpr char Context[] = "FeedServerCommandLine";

const IntegerOption Port {
    "port",
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "PORT"),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "Port to listen on (0: any free port)."),
    0,
    65535,
    WireProtocol::DefaultPort};
const TextOption TlsCertificate {
    "tls-cert", QT_TRANSLATE_NOOP("FeedServerCommandLine", "FILE"),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "Serve wss:// with this PEM certificate (chain)."),
    QString(), TextOption::Empty::Refused};
const TextOption TlsKey {
    "tls-key", QT_TRANSLATE_NOOP("FeedServerCommandLine", "FILE"),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "The certificate's private key (PEM, unencrypted)."),
    QString(), TextOption::Empty::Refused};
const ValueOption<QHostAddress> Host {
    "host",
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "ADDRESS"),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "Address to listen on."),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "an IP address or localhost"),
    CommandOption::parseHost,
    QHostAddress(QHostAddress::LocalHost).toString()};
const TextOption Replay {"replay", QT_TRANSLATE_NOOP("FeedServerCommandLine", "FILE"),
                         QT_TRANSLATE_NOOP("FeedServerCommandLine",
                                           "Serve this capture (recorded with reorder-monitor "
                                           "--capture) at /raw-messages instead of a simulated "
                                           "feed: its frames, byte for byte, at their recorded "
                                           "pace times --speed."),
                         QString(), TextOption::Empty::Refused};
const ValueOption<double> Speed {
    "speed",
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "SPEED"),
    QT_TRANSLATE_NOOP("FeedServerCommandLine",
                      "With --replay: this many times faster than recorded, or max."),
    QT_TRANSLATE_NOOP("FeedServerCommandLine", "a number from 0.001 to 1000, or max"),
    CaptureSource::speedFromText,
    QStringLiteral("1")};
const FlagOption Quiet {"quiet",
                        QT_TRANSLATE_NOOP("FeedServerCommandLine", "Log nothing but errors.")};

} // namespace

FeedServerCommandLine::FeedServerCommandLine()
    : m_basics(
        Context,
        tr("Serves a simulated out-of-order feed at "
           "ws://HOST:PORT%1?count=&disorder=&start=&seed=&rate=&delay=&dup=&gap=&junk=&"
           "oversize=&drop=&drops=&replay=&closecode=&stall=&size= and validates what arrives "
           "at ws://HOST:PORT%2<name>?slow=&drop=&drops=&stall=&stallms= (wss:// with %3 and %4).")
            .arg(WireProtocol::FeedPath, WireProtocol::SinkPathPrefix, TlsCertificate.flag(),
                 TlsKey.flag()),
        {&Port, &TlsCertificate, &TlsKey, &Host, &Replay, &Speed, &Quiet})
{ }

std::optional<FeedServerOptions> FeedServerCommandLine::parse(const QStringList &arguments,
                                                              QString *error)
{
    CommandLineBasics &b = m_basics;
    const auto failed = [&b, error]() -> std::optional<FeedServerOptions> {
        if (error)
            *error = b.error().value_or(QString());
        return std::nullopt;
    };
    if (!b.parse(arguments))
        return failed();

    FeedServerOptions o;
    o.port = quint16(b.value(Port));
    o.host = b.value(Host);
    o.tlsCertificate = b.value(TlsCertificate);
    o.tlsKey = b.value(TlsKey);
    if (o.tlsCertificate.isEmpty() != o.tlsKey.isEmpty())
        b.fail(tr("%1 and %2 go together").arg(TlsCertificate.flag(), TlsKey.flag()));
    o.quiet = b.isSet(Quiet);
    o.replayPath = b.value(Replay);
    o.replaySpeed = b.value(Speed);
    if (b.given(Speed) && o.replayPath.isEmpty())
        b.fail(tr("%1 needs %2").arg(Speed.flag(), Replay.flag()));
    if (b.error())
        return failed();
    return o;
}
