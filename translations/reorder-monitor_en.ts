<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Reorders an out-of-order WebSocket feed of JSON messages by id, forwards it in order and proves it.
Without --ws-url the built-in feed simulator is started on a free loopback port and both URLs point at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window and print the summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed to read (ws:// or wss://). Default: the built-in simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to forward the ordered messages. Default: the built-in simulator&apos;s sink when the feed is built in, else nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the run after N accepted messages (0: when the feed closes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder window W: the heap&apos;s capacity in stream mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: forward as soon as order allows; batch: hold the whole run and send it sorted at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream mode: release a message held longer than MS milliseconds, giving up what it waits for (0: off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first expected id (default: learned from the first W messages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one row per message to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the JSON report to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed parameters of the built-in simulator, as a query string (count, disorder, start, seed, rate, delay, dup, gap, junk, oversize, drop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the built-in sink: /ordered-messages/NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames larger than this are malformed (counted, not forwarded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up connecting after MS milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect a dropped feed or sink up to N times in a row, with exponential backoff (0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept certificate errors on wss:// (the connection is then not authenticated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print nothing but errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language (en, ru). Default: the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: run the demo, save a screenshot to FILE and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be an integer from %2 to %3, not &quot;%4&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode must be stream or batch, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ws-url: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send-url: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sink-name must be a non-empty name without &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sim: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistanceChart</name>
    <message>
        <source>Out-of-order distance per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance (min..max per column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrival index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram of |distance|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|distance|</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedParams</name>
    <message>
        <source>bad parameter %1=%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedSimulator</name>
    <message>
        <source>sink %1: %2 frames, %3, %4 duplicates, %5 inversions, %6 missing ids, %7 malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused a feed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused a connection to unknown path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown path %1: use %2 or %3&lt;name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed %1: %2 frames, %3 messages, %4 duplicates, %5 junk, %6 gaps, max displacement %7%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, dropped on purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, client went away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>cannot start the built-in feed simulator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in feed simulator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no --send-url: messages are ordered and validated, not forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reorder-monitor: stopping; held messages are released and the files written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulator feed: %1 messages, %2 duplicates, %3 junk, %4 ids skipped, max displacement %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulator sink: received %1 frames, %2, %3 duplicates, %4 missing ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strictly ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT ordered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reorder Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a folder for the runs&apos; CSV files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a run (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run: held messages are released and sent (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flush to SEND_URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch mode: send what is held, sorted. Stream mode: release the rest now (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run&apos;s messages as CSV (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV of &amp;runs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Reorder Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV of runs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected run&apos;s messages...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in simulator cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 -&gt; %3, window %4, %5 mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not forwarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate errors are ignored for this run: the connections are not authenticated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: held messages are released and sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush: releasing what is held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed ended. %1 messages are held: press Flush to send them sorted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s CSV could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no finished run to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the messages of run %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the runs to %1, each run&apos;s messages next to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the run&apos;s messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Reorder Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reorder Monitor %1&lt;/b&gt;&lt;p&gt;Puts an out-of-order WebSocket feed back in id order with a bounded heap, forwards it and proves it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageCodec</name>
    <message>
        <source>valid message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame over the size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, but not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;id&quot; field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; does not fit in 64 bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 more in the run&apos;s CSV only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>accepted</source>
        <comment>message status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late</source>
        <comment>message arrived after its place was given up</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <comment>message id already buffered or sent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <comment>frame is not a valid message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived after its place in the output was given up: not forwarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its id was already buffered or sent: not forwarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order in which the frame arrived, from 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the ordered output, from 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival index minus output index, over sent messages: positive means it arrived late, negative early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the message waited in the reorder buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderedSink</name>
    <message>
        <source>the sink confirmed %1 of %2 frames and did not close in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the sink with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sink %1 dropped and could not be reconnected: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inversions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by sink:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing ids (gaps):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max distance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ms (min/p50/p99/max):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up a run and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation follows when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (window %2 is too small)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed dropped %1x, reconnected %2x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sink dropped %1x, %2 frames re-sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed held back %1x for a slow sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 msg/s now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output is strictly ordered and every frame was delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>... (%1 characters in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEND_URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sink reconnected; unconfirmed frames are being sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sink dropped (%1); reconnecting, attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed dropped (%1); reconnecting, attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed reconnected; repeated ids will count as duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WS_URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary frame of %1 bytes: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCsvWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunHistoryModel</name>
    <message>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <comment>reorder window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>the ids sent are not strictly increasing: %1 inversions, %2 duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent (%1) is not accepted - late - duplicates (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validated %1 ids but %2 were sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 of %2 released messages were written to the sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sink confirmed only %1 of %2 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1 was too small: %2 late messages; the recommended window is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed ended after %1 of %2 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 malformed frames were not forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run was stopped by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many gaps to track exactly; the oldest were summarised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS: the output is ordered and complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1, accepted %2, malformed %3, duplicates %4, late %5, sent %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordered: %1, inversions %2, missing ids %3 in %4 gaps, max distance %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1 (%2), recommended window %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - the window was too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timing: connect %1 ms, receive %2 ms, order %3 ms, send %4 ms, total %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput %1 messages/s; hold ms min %2, p50 %3, p99 %4, max %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded %1 to %2, confirmed %3, re-sent %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunSetupPanel</name>
    <message>
        <source>Built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket URL (WS_URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>junk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WS_URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in simulator&apos;s sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEND_URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not forward (validate only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept untrusted certificates (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: forward as soon as order allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch: hold everything, send sorted on Flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned from the first W messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until the feed closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reordering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window W:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max hold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WS_URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEND_URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start id: &quot;%1&quot; is not a 64-bit integer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <source>INSECURE: certificates are not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: ended, holding for Flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink: closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed: reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink: not forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink: connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 msg/s in, %2 msg/s out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrlCheck</name>
    <message>
        <source>the URL is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with ws:// or wss://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an invalid port</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebSocketSource</name>
    <message>
        <source>certificate not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the feed with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the feed with code %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost without a close frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed %1 dropped and could not be reconnected: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Serves a simulated out-of-order feed at ws://HOST:PORT/raw-messages?count=&amp;disorder=&amp;start=&amp;seed=&amp;rate=&amp;delay=&amp;dup=&amp;gap=&amp;junk=&amp;oversize=&amp;drop= and validates what arrives at ws://HOST:PORT/ordered-messages/&lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port to listen on (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log nothing but errors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
