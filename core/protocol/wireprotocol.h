#pragma once

#include <QLatin1String>
#include <QtGlobal>

// The wire protocol's fixed parts (docs/PROTOCOL.md, "Wire protocol"), shared by the simulator,
// the bridge and the command lines so that a path or the default port is written once.
namespace WireProtocol {

// The feed: ws://HOST:PORT/raw-messages[?query]
constexpr QLatin1String FeedPath("/raw-messages");
// A sink: ws://HOST:PORT/ordered-messages/<name>
constexpr QLatin1String SinkPathPrefix("/ordered-messages/");
// Where reorder-feed-server and reorder-bridge listen unless told otherwise.
constexpr quint16 DefaultPort = 8765;
// The Redis pub/sub channel the original publisher used (the second seed): the bridge's and the
// window's default.
constexpr QLatin1String DefaultRedisChannel("test_websocket");

} // namespace WireProtocol
