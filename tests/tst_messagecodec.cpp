#include "protocol/messagecodec.h"

#include <QTest>

class tst_MessageCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void malformed_data();
    void malformed();
    void sizeLimit();
    void deepNesting_data();
    void deepNesting();
    void utf8Length();
    void reasonsHaveWords();
};

void tst_MessageCodec::valid_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain") << QStringLiteral(R"({"id": 1, "text": 2})") << qint64(1) << "2";
    QTest::newRow("compact") << QStringLiteral(R"({"id":42,"text":7})") << qint64(42) << "7";
    QTest::newRow("negative id") << QStringLiteral(R"({"id":-5,"text":1})") << qint64(-5) << "1";
    QTest::newRow("zero") << QStringLiteral(R"({"id":0,"text":0})") << qint64(0) << "0";
    QTest::newRow("minus zero") << QStringLiteral(R"({"id":-0,"text":0})") << qint64(0) << "0";
    QTest::newRow("int64 max") << QStringLiteral(R"({"id":9223372036854775807,"text":1})")
                               << std::numeric_limits<qint64>::max() << "1";
    QTest::newRow("int64 min") << QStringLiteral(R"({"id":-9223372036854775808,"text":1})")
                               << std::numeric_limits<qint64>::min() << "1";
    QTest::newRow("whitespace") << QStringLiteral(" \t\r\n{ \"id\" :\n 3 , \"text\" : 4 } \n")
                                << qint64(3) << "4";
    QTest::newRow("extra fields kept")
        << QStringLiteral(R"({"ts":"2024","id":9,"meta":{"a":[1,2,{"b":null}]},"text":5})")
        << qint64(9) << "5";
    QTest::newRow("text first") << QStringLiteral(R"({"text":11,"id":10})") << qint64(10) << "11";
    QTest::newRow("no text") << QStringLiteral(R"({"id":12})") << qint64(12) << "";
    QTest::newRow("unicode text") << QStringLiteral(u"{\"id\":13,\"text\":\"привет 🙂\"}")
                                  << qint64(13) << QStringLiteral(u"\"привет 🙂\"");
    QTest::newRow("object text") << QStringLiteral(R"({"id":14,"text":{"x":[1,{}]}})") << qint64(14)
                                 << QStringLiteral(R"({"x":[1,{}]})");
    QTest::newRow("array text") << QStringLiteral(R"({"id":15,"text":[]})") << qint64(15) << "[]";
    QTest::newRow("escaped key") << QStringLiteral(R"({"\u0069d":16,"text":1})") << qint64(16)
                                 << "1";
    QTest::newRow("escapes in strings")
        << QStringLiteral(R"({"id":17,"text":"a\"b\\c\/\b\f\n\r\t\u00e9"})") << qint64(17)
        << QStringLiteral(R"("a\"b\\c\/\b\f\n\r\t\u00e9")");
    QTest::newRow("nested id is not the id")
        << QStringLiteral(R"({"x":{"id":"no"},"id":18})") << qint64(18) << "";
    QTest::newRow("float text") << QStringLiteral(R"({"id":19,"text":-1.5e3})") << qint64(19)
                                << "-1.5e3";
    // RFC 8259 8.1: a parser MAY ignore a byte order mark before the JSON text; we do.
    QTest::newRow("byte order mark") << QStringLiteral(u"\uFEFF{\"id\":20,\"text\":\"\uFEFF\"}")
                                     << qint64(20) << QStringLiteral(u"\"\uFEFF\"");
    QTest::newRow("byte order mark, then spaces")
        << QStringLiteral(u"\uFEFF \n{\"id\":21,\"text\":1}") << qint64(21) << "1";
}

void tst_MessageCodec::valid()
{
    QFETCH(QString, frame);
    QFETCH(qint64, id);
    QFETCH(QString, text);
    const DecodedMessage m = MessageCodec::decode(frame);
    QVERIFY2(m.isValid(), qPrintable(MessageCodec::reasonKey(m.reason)));
    QCOMPARE(m.id, id);
    QCOMPARE(MessageCodec::textOf(frame, m).toString(), text);
}

void tst_MessageCodec::malformed_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<MalformedReason>("reason");

    QTest::newRow("empty") << QString() << MalformedReason::Empty;
    QTest::newRow("only spaces") << QStringLiteral("   ") << MalformedReason::NotJson;
    QTest::newRow("plain word") << QStringLiteral("hello") << MalformedReason::NotJson;
    QTest::newRow("truncated") << QStringLiteral(R"({"id":)") << MalformedReason::NotJson;
    QTest::newRow("unclosed") << QStringLiteral(R"({"id":1)") << MalformedReason::NotJson;
    QTest::newRow("trailing comma") << QStringLiteral(R"({"id":1,})") << MalformedReason::NotJson;
    QTest::newRow("trailing garbage")
        << QStringLiteral(R"({"id":1} x)") << MalformedReason::NotJson;
    QTest::newRow("two objects") << QStringLiteral(R"({"id":1}{"id":2})")
                                 << MalformedReason::NotJson;
    QTest::newRow("single quotes") << QStringLiteral("{'id':1}") << MalformedReason::NotJson;
    QTest::newRow("leading zero") << QStringLiteral(R"({"id":01})") << MalformedReason::NotJson;
    QTest::newRow("bad escape") << QStringLiteral(R"({"id":1,"t":"\x"})")
                                << MalformedReason::NotJson;
    QTest::newRow("control char") << QStringLiteral("{\"id\":1,\"t\":\"a\nb\"}")
                                  << MalformedReason::NotJson;
    QTest::newRow("bad literal") << QStringLiteral(R"({"id":1,"t":tru})")
                                 << MalformedReason::NotJson;
    QTest::newRow("NaN") << QStringLiteral(R"({"id":NaN})") << MalformedReason::NotJson;
    // Only one byte order mark, and only before everything else.
    QTest::newRow("two byte order marks")
        << QStringLiteral(u"\uFEFF\uFEFF{\"id\":1}") << MalformedReason::NotJson;
    QTest::newRow("byte order mark after a space")
        << QStringLiteral(u" \uFEFF{\"id\":1}") << MalformedReason::NotJson;
    QTest::newRow("byte order mark at the end")
        << QStringLiteral(u"{\"id\":1}\uFEFF") << MalformedReason::NotJson;
    QTest::newRow("only a byte order mark")
        << QStringLiteral(u"\uFEFF") << MalformedReason::NotJson;
    QTest::newRow("byte order mark, array")
        << QStringLiteral(u"\uFEFF[1]") << MalformedReason::NotObject;
    QTest::newRow("array") << QStringLiteral("[1,2,3]") << MalformedReason::NotObject;
    QTest::newRow("number") << QStringLiteral("42") << MalformedReason::NotObject;
    QTest::newRow("string") << QStringLiteral(R"("id")") << MalformedReason::NotObject;
    QTest::newRow("null doc") << QStringLiteral("null") << MalformedReason::NotObject;
    QTest::newRow("empty object") << QStringLiteral("{}") << MalformedReason::NoId;
    QTest::newRow("no id") << QStringLiteral(R"({"text":5})") << MalformedReason::NoId;
    QTest::newRow("ID uppercase") << QStringLiteral(R"({"ID":5})") << MalformedReason::NoId;
    QTest::newRow("id string") << QStringLiteral(R"({"id":"12"})") << MalformedReason::IdNotInteger;
    QTest::newRow("id float") << QStringLiteral(R"({"id":1.5})") << MalformedReason::IdNotInteger;
    QTest::newRow("id float zero")
        << QStringLiteral(R"({"id":1.0})") << MalformedReason::IdNotInteger;
    QTest::newRow("id exponent") << QStringLiteral(R"({"id":1e3})")
                                 << MalformedReason::IdNotInteger;
    QTest::newRow("id bool") << QStringLiteral(R"({"id":true})") << MalformedReason::IdNotInteger;
    QTest::newRow("id null") << QStringLiteral(R"({"id":null})") << MalformedReason::IdNotInteger;
    QTest::newRow("id array") << QStringLiteral(R"({"id":[1]})") << MalformedReason::IdNotInteger;
    QTest::newRow("id object") << QStringLiteral(R"({"id":{"v":1}})")
                               << MalformedReason::IdNotInteger;
    QTest::newRow("id 2^63") << QStringLiteral(R"({"id":9223372036854775808})")
                             << MalformedReason::IdOutOfRange;
    QTest::newRow("id -2^63-1") << QStringLiteral(R"({"id":-9223372036854775809})")
                                << MalformedReason::IdOutOfRange;
    QTest::newRow("id 20 digits") << QStringLiteral(R"({"id":99999999999999999999})")
                                  << MalformedReason::IdOutOfRange;
    QTest::newRow("duplicate id") << QStringLiteral(R"({"id":1,"id":2})")
                                  << MalformedReason::DuplicateId;
}

void tst_MessageCodec::malformed()
{
    QFETCH(QString, frame);
    QFETCH(MalformedReason, reason);
    const DecodedMessage m = MessageCodec::decode(frame);
    QVERIFY(!m.isValid());
    QCOMPARE(MessageCodec::reasonKey(m.reason), MessageCodec::reasonKey(reason));
    QCOMPARE(m.textStart, -1);
}

void tst_MessageCodec::sizeLimit()
{
    const QString prefix = QStringLiteral(R"({"id":1,"text":")");
    const QString suffix = QStringLiteral(R"("})");
    for (qsizetype limit : {qsizetype(64), qsizetype(1024), qsizetype(65536)}) {
        const QString fits = prefix + QString(limit - prefix.size() - suffix.size(), u'a') + suffix;
        QCOMPARE(fits.size(), limit);
        QVERIFY(MessageCodec::decode(fits, limit).isValid());
        const QString over = fits + QLatin1Char(' ');
        QCOMPARE(MessageCodec::decode(over, limit).reason, MalformedReason::TooLarge);
        // Multi-byte characters count in UTF-8 bytes, as on the wire.
        const QString wide = prefix + QString(limit / 2, QChar(0x044F)) + suffix; // 'я', 2 bytes
        QCOMPARE(MessageCodec::decode(wide, limit).reason, MalformedReason::TooLarge);
    }
}

void tst_MessageCodec::deepNesting_data()
{
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("close");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("arrays") << "["
                            << "]" << true;
    QTest::newRow("objects") << R"({"a":)"
                             << "}" << true;
    QTest::newRow("mixed") << R"([{"a":)"
                           << "}]" << true;
    QTest::newRow("arrays, unclosed") << "["
                                      << "" << false;
    QTest::newRow("arrays, wrong close") << "["
                                         << "}" << false;
}

void tst_MessageCodec::deepNesting()
{
    // Deeper than the limit is refused without recursion, with its own reason when the frame is
    // otherwise JSON; a million levels must not crash.
    QFETCH(QString, open);
    QFETCH(QString, close);
    QFETCH(bool, wellFormed);
    const int perLevel = open.count(u'[') + open.count(u'{');
    for (int levels : {MessageCodec::MaxDepth - 2, MessageCodec::MaxDepth - 1,
                       MessageCodec::MaxDepth, MessageCodec::MaxDepth + 1, 1000000}) {
        const int depth = 1 + levels * perLevel; // the top object is one level
        const QString frame = QStringLiteral(R"({"id":1,"x":)") + open.repeated(levels) + u'0'
            + close.repeated(levels) + QLatin1Char('}');
        const DecodedMessage m = MessageCodec::decode(frame, 64 * 1024 * 1024);
        if (!wellFormed)
            QCOMPARE(m.reason, MalformedReason::NotJson);
        else if (depth <= MessageCodec::MaxDepth)
            QVERIFY2(m.isValid(), qPrintable(MessageCodec::reasonKey(m.reason)));
        else
            QCOMPARE(MessageCodec::reasonKey(m.reason), QStringLiteral("nested_too_deep"));
    }
    // A document that is too deep and has other faults: the depth is what is said first after
    // syntax (the frame is not read as a message at all).
    const QString deepArray = QString(1000, u'[') + QString(1000, u']');
    QCOMPARE(MessageCodec::reasonKey(MessageCodec::decode(deepArray).reason),
             QStringLiteral("nested_too_deep"));
}

void tst_MessageCodec::utf8Length()
{
    QCOMPARE(MessageCodec::utf8Length(u"abc"), 3);
    QCOMPARE(MessageCodec::utf8Length(u"я"), 2);
    QCOMPARE(MessageCodec::utf8Length(u"€"), 3);
    QCOMPARE(MessageCodec::utf8Length(u"🙂"), 4);
    QCOMPARE(MessageCodec::utf8Length(QStringLiteral(u"a🙂я€")), 1 + 4 + 2 + 3);
}

void tst_MessageCodec::reasonsHaveWords()
{
    QSet<QString> keys;
    for (int i = 0; i < MalformedReasonCount; ++i) {
        const auto reason = MalformedReason(i);
        QVERIFY(!MessageCodec::reasonText(reason).isEmpty());
        keys.insert(MessageCodec::reasonKey(reason));
    }
    QCOMPARE(keys.size(), MalformedReasonCount);
}

QTEST_APPLESS_MAIN(tst_MessageCodec)
#include "tst_messagecodec.moc"
