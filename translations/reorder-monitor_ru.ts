<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AnalyzeCommand</name>
    <message>
        <source>capture %1 (of %2): %3 frames, %4 malformed
</source>
        <translation>запись %1 (потока %2): кадров %3, повреждённых %4
</translation>
    </message>
    <message>
        <source>an unnamed feed</source>
        <translation>без имени</translation>
    </message>
    <message>
        <source>the capture stops early: %1; what it holds up to there is analysed
</source>
        <translation>запись обрывается: %1; разобрано то, что в ней есть до этого места
</translation>
    </message>
</context>
<context>
    <name>BridgeCommandLine</name>
    <message>
        <source>The Redis server: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]. The password may also come from REDIS_PASSWORD.</source>
        <translation>Сервер Redis: redis://[[ПОЛЬЗОВАТЕЛЬ]:ПАРОЛЬ@]ХОСТ[:ПОРТ][/БД]. Пароль можно также задать в REDIS_PASSWORD.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The pub/sub channel to serve. What is published while Redis is away or no consumer is connected is lost.</source>
        <translation>Раздаваемый канал pub/sub. Опубликованное, пока Redis недоступен или нет потребителей, теряется.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>КЛЮЧ</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Address and port to serve on (port 0: any free port).</source>
        <translation>Адрес и порт для раздачи (порт 0: любой свободный).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>ХОСТ:ПОРТ</translation>
    </message>
    <message>
        <source>Report consumers, messages/s and messages forwarded every S seconds while something changes (0: never).</source>
        <translation>Сообщать число потребителей, сообщений в секунду и пересланных сообщений каждые S секунд, пока что-то меняется (0: никогда).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Channel: disconnect a consumer that leaves more than MB mebibytes unread.</source>
        <translation>Канал: отключать потребителя, у которого накопилось непрочитанного больше МБ мебибайт.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>Log nothing but errors.</source>
        <translation>Записывать в журнал только ошибки.</translation>
    </message>
    <message>
        <source>Serves a Redis pub/sub channel (or a stream) to WebSocket consumers at ws://HOST:PORT%1: every payload, unchanged, as one frame to every connected consumer. Keeps its consumers while Redis is away and reconnects with backoff. Reports consumers, messages/s and messages forwarded.</source>
        <translation>Раздаёт канал pub/sub Redis (или стрим) потребителям WebSocket по адресу ws://ХОСТ:ПОРТ%1: каждое сообщение без изменений, одним кадром каждому подключённому потребителю. Сохраняет потребителей, пока Redis недоступен, и переподключается с нарастающей паузой. Сообщает число потребителей, сообщений в секунду и пересланных сообщений.</translation>
    </message>
    <message>
        <source>%1 and %2 exclude each other</source>
        <translation>%1 и %2 несовместимы</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 требует %2</translation>
    </message>
    <message>
        <source>Serve this Redis stream instead of a channel, as one consumer of a consumer group: an entry is acknowledged once every consumer dealt with it, so a crash of a consumer, the bridge or Redis loses nothing. Each entry&apos;s &quot;data&quot; field (or its first field) is one frame.</source>
        <translation>Отдавать этот стрим Redis вместо канала как один из потребителей группы: запись подтверждается, когда её обработали все потребители, поэтому сбой потребителя, моста или Redis ничего не теряет. Поле «data» каждой записи (или её первое поле) — один кадр.</translation>
    </message>
    <message>
        <source>With --stream, where a new consumer group starts (an existing group keeps its position): $ entries added from now on, 0 the whole stream, or what follows an entry id.</source>
        <translation>С --stream: где начинает новая группа потребителей (существующая сохраняет своё место): $ — записи с этого момента, 0 — весь стрим, или то, что следует за id записи.</translation>
    </message>
    <message>
        <source>With --stream: the consumer group. Bridges of one group share the stream (each entry goes to one of them) and take over what a crashed one left pending; each group gets every entry.</source>
        <translation>С --stream: группа потребителей. Мосты одной группы делят стрим (каждая запись идёт одному из них) и забирают то, что оставил ожидающим упавший мост; каждая группа получает все записи.</translation>
    </message>
    <message>
        <source>With --stream: this bridge&apos;s consumer in the group is NAME-HOST-PID.</source>
        <translation>С --stream: потребитель этого моста в группе называется NAME-HOST-PID.</translation>
    </message>
    <message>
        <source>With --stream: this exact consumer name instead (a restart then sends what it left pending at once). Never two running bridges with one name.</source>
        <translation>С --stream: именно это имя потребителя (тогда после перезапуска оставшееся ожидающим отправляется сразу). Никогда не запускайте два моста с одним именем.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>МС</translation>
    </message>
    <message>
        <source>With --stream: take over entries pending this long with another consumer of the group (a crashed bridge); at start, new entries wait that long for those.</source>
        <translation>С --stream: забирать записи, которые столько ожидают у другого потребителя группы (упавший мост); при старте новые записи ждут столько же.</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>cannot decompress %1</source>
        <translation>не удаётся распаковать %1</translation>
    </message>
    <message>
        <source>%1 is empty: not a capture</source>
        <translation>%1 пуст: это не запись</translation>
    </message>
    <message>
        <source>%1 is not a capture (its first line does not name the %2 format)</source>
        <translation>%1 — не запись (её первая строка не называет формат %2)</translation>
    </message>
    <message>
        <source>%1 is cut short inside its first line: not a readable capture</source>
        <translation>%1 обрывается внутри первой строки: запись не читается</translation>
    </message>
    <message>
        <source>%1 is a capture of version %2; this build reads version %3</source>
        <translation>%1 — запись версии %2; эта сборка читает версию %3</translation>
    </message>
    <message>
        <source>the capture&apos;s compressed stream ends early (cut by a crash?): read up to line %1</source>
        <translation>сжатый поток записи обрывается (прервана сбоем?): прочитано до строки %1</translation>
    </message>
    <message>
        <source>line %1 of the capture is not an entry: read up to line %2</source>
        <translation>строка %1 записи — не запись кадра или события: прочитано до строки %2</translation>
    </message>
    <message>
        <source>the capture ends in the middle of line %1 (cut by a crash?): read up to line %2</source>
        <translation>запись обрывается на середине строки %1 (прервана сбоем?): прочитано до строки %2</translation>
    </message>
</context>
<context>
    <name>CaptureRecorder</name>
    <message>
        <source>the capture %1 reached its size cap: recording stopped, the run goes on</source>
        <translation>запись %1 достигла предельного размера: запись остановлена, прогон продолжается</translation>
    </message>
    <message>
        <source>the capture %1 cannot be written as fast as the feed arrives: recording stopped, the run goes on</source>
        <translation>запись %1 не успевает за потоком: запись остановлена, прогон продолжается</translation>
    </message>
</context>
<context>
    <name>CaptureSource</name>
    <message>
        <source>capture %1</source>
        <translation>запись %1</translation>
    </message>
    <message>
        <source>capture %1 (of %2)</source>
        <translation>запись %1 (потока %2)</translation>
    </message>
    <message>
        <source>the recorded feed failed</source>
        <translation>записанный поток завершился ошибкой</translation>
    </message>
</context>
<context>
    <name>CaptureWriter</name>
    <message>
        <source>cannot write the capture %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>cannot compress the capture %1</source>
        <translation>не удаётся сжать запись %1</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>&amp;Distance</source>
        <translation>&amp;Отклонение</translation>
    </message>
    <message>
        <source>Histo&amp;gram</source>
        <translation>&amp;Гистограмма</translation>
    </message>
    <message>
        <source>Out-of-order distance of each message, with the window ±W</source>
        <translation>Отклонение от порядка для каждого сообщения, с окном ±W</translation>
    </message>
    <message>
        <source>How far messages travelled: counts of |distance|</source>
        <translation>Насколько далеко смещались сообщения: число сообщений по |отклонению|</translation>
    </message>
    <message>
        <source>Messages per second in and out, late, duplicates and malformed (IO graph)</source>
        <translation>Сообщений в секунду на входе и выходе, опоздавших, дубликатов и некорректных (график ввода-вывода)</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>&amp;What if</source>
        <translation>&amp;Что если</translation>
    </message>
    <message>
        <source>What other windows and max-holds would have done with this run&apos;s messages: late, hold time, memory; and the window to use</source>
        <translation>Что другие окна и max-hold сделали бы с сообщениями этого прогона: опоздавшие, время удержания, память; и какое окно выбрать</translation>
    </message>
    <message>
        <source>The what-if table is for stream mode (a batch run holds everything).</source>
        <translation>Таблица «что если» — для потокового режима (пакетный прогон держит всё).</translation>
    </message>
    <message>
        <source>This run kept no capture: its what-if table cannot be worked out.</source>
        <translation>У этого прогона нет записи потока: таблицу «что если» не построить.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run without a window and print the summary.</source>
        <translation>Работать без окна и вывести сводку.</translation>
    </message>
    <message>
        <source>The feed to read (ws:// or wss://). Default: the built-in simulator.</source>
        <translation>Читаемый поток (ws:// или wss://). По умолчанию: встроенный симулятор.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Where to forward the ordered messages. Default: the built-in simulator&apos;s sink when the feed is built in, else nowhere.</source>
        <translation>Куда пересылать упорядоченные сообщения. По умолчанию: приёмник встроенного симулятора, если поток встроенный, иначе никуда.</translation>
    </message>
    <message>
        <source>End the run after N accepted messages (0: when the feed closes).</source>
        <translation>Завершить прогон после N принятых сообщений (0: когда поток закроется).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>stream: forward as soon as order allows; batch: hold the whole run and send it sorted at the end.</source>
        <translation>stream: пересылать, как только позволяет порядок; batch: держать весь прогон и отправить его отсортированным в конце.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>РЕЖИМ</translation>
    </message>
    <message>
        <source>Stream mode: release a message held longer than MS milliseconds, giving up what it waits for (0: off).</source>
        <translation>Потоковый режим: выпускать сообщение, ожидающее дольше MS миллисекунд, отказываясь от того, чего оно ждёт (0: выключено).</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>МС</translation>
    </message>
    <message>
        <source>The first expected id (default: learned from the first W messages).</source>
        <translation>Первый ожидаемый id (по умолчанию: определяется по первым W сообщениям).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>ЗАПРОС</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>Frames larger than this are malformed (counted, not forwarded).</source>
        <translation>Кадры больше этого размера считаются некорректными (учитываются, не пересылаются).</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>БАЙТЫ</translation>
    </message>
    <message>
        <source>Give up connecting after MS milliseconds.</source>
        <translation>Прекратить попытку подключения через MS миллисекунд.</translation>
    </message>
    <message>
        <source>Reconnect a dropped feed or sink up to N times in a row, with exponential backoff (0: never).</source>
        <translation>Переподключать оборвавшийся поток или приёмник до N раз подряд с экспоненциальной задержкой (0: никогда).</translation>
    </message>
    <message>
        <source>Accept certificate errors on wss:// (the connection is then not authenticated).</source>
        <translation>Принимать ошибки сертификатов wss:// (соединение тогда не аутентифицировано).</translation>
    </message>
    <message>
        <source>Print nothing but errors.</source>
        <translation>Выводить только ошибки.</translation>
    </message>
    <message>
        <source>User interface language (en, ru). Default: the system&apos;s.</source>
        <translation>Язык интерфейса (en, ru). По умолчанию: системный.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>ЯЗЫК</translation>
    </message>
    <message>
        <source>Window: run the demo, save a screenshot to FILE and exit.</source>
        <translation>Окно: запустить демонстрацию, сохранить снимок в ФАЙЛ и выйти.</translation>
    </message>
    <message>
        <source>Reorders an out-of-order WebSocket feed of JSON messages by id, forwards it in order and proves it.
Without --ws-url (or --redis-url) the built-in feed simulator is started on a free loopback port and both URLs point at it.</source>
        <translation>Восстанавливает порядок JSON-сообщений WebSocket-потока по id, пересылает их по порядку и доказывает это.
Без --ws-url (или --redis-url) запускается встроенный симулятор потока на свободном локальном порту, и оба URL указывают на него.</translation>
    </message>
    <message>
        <source>Read the feed from Redis instead of a WebSocket: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], with --channel or --stream. The password may also come from REDIS_PASSWORD.</source>
        <translation>Читать поток из Redis вместо WebSocket: redis://[[ПОЛЬЗОВАТЕЛЬ]:ПАРОЛЬ@]ХОСТ[:ПОРТ][/БД], с --channel или --stream. Пароль можно также задать в REDIS_PASSWORD.</translation>
    </message>
    <message>
        <source>With --redis-url: subscribe to this pub/sub channel. What is published while the monitor is not subscribed is lost (and shows as missing ids).</source>
        <translation>С --redis-url: подписаться на этот канал pub/sub. Опубликованное, пока монитор не подписан, теряется (и видно как пропущенные id).</translation>
    </message>
    <message>
        <source>With --redis-url: read this Redis stream (XREAD); each entry&apos;s &quot;data&quot; field (or its first field) is one frame.</source>
        <translation>С --redis-url: читать этот поток Redis Stream (XREAD); поле «data» каждой записи (или её первое поле) — один кадр.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>КЛЮЧ</translation>
    </message>
    <message>
        <source>With --stream: 0 reads the whole stream, $ only entries added from now on, an entry id what follows it.</source>
        <translation>С --stream: 0 — читать весь поток, $ — только записи, добавленные с этого момента, id записи — то, что следует за ней.</translation>
    </message>
    <message>
        <source>Write one row per message to FILE (a folder: a file named after the sink and the start time, inside it).</source>
        <translation>Записать по строке на сообщение в ФАЙЛ (если это папка — в файл внутри неё, названный по приёмнику и времени начала).</translation>
    </message>
    <message>
        <source>Write the JSON report to FILE (a folder: a file named after the sink and the start time, inside it).</source>
        <translation>Записать JSON-отчёт в ФАЙЛ (если это папка — в файл внутри неё, названный по приёмнику и времени начала).</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>The built-in sink&apos;s name: the last part of its URL.</source>
        <translation>Имя встроенного приёмника: последняя часть его URL.</translation>
    </message>
    <message>
        <source>End the run when nothing moved for MS milliseconds: no frame from the feed and no confirmation from the sink (time spent reconnecting the feed excluded). The report says so (end_reason idle_timeout). 0: wait forever.</source>
        <translation>Завершить прогон, если MS миллисекунд ничего не происходит: ни кадра из потока, ни подтверждения от приёмника (время переподключения потока не считается). Отчёт это отметит (end_reason idle_timeout). 0 — ждать бесконечно.</translation>
    </message>
    <message>
        <source>Batch mode: past this much memory held (an estimate), stop reading the feed, send what is held and fail with a clear message (exit status 1). Stream mode needs only the window.</source>
        <translation>Пакетный режим: если удерживается больше этого объёма памяти (оценка), перестать читать поток, отправить накопленное и завершиться с понятным сообщением (код выхода 1). Потоковому режиму нужно только окно.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain &apos;/&apos;</source>
        <translation>«%1» не должно содержать «/»</translation>
    </message>
    <message>
        <source>%1 and %2 exclude each other</source>
        <translation>%1 и %2 несовместимы</translation>
    </message>
    <message>
        <source>%1 needs either %2 or %3</source>
        <translation>%1 требует %2 или %3</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 требует %2</translation>
    </message>
    <message>
        <source>%1, %2 and %3 need %4</source>
        <translation>%1, %2 и %3 требуют %4</translation>
    </message>
    <message>
        <source>Run a recorded capture as the feed (instead of --ws-url, --redis-url or the simulator), at its recorded pace times --speed.</source>
        <translation>Использовать как поток сделанную ранее запись (вместо --ws-url, --redis-url или симулятора) в записанном темпе, умноженном на --speed.</translation>
    </message>
    <message>
        <source>SPEED</source>
        <translation>СКОРОСТЬ</translation>
    </message>
    <message>
        <source>With --replay: play the capture this many times faster than it was recorded (1, 2, 10, ...), or max: as fast as the run takes it.</source>
        <translation>С --replay: воспроизводить запись во столько раз быстрее записанного (1, 2, 10, ...) или max — так быстро, как успевает прогон.</translation>
    </message>
    <message>
        <source>a number from 0.001 to 1000, or max</source>
        <translation>число от 0.001 до 1000 или max</translation>
    </message>
    <message>
        <source>Record the feed as it arrives into FILE: every frame with its time, and the connection&apos;s drops (JSON Lines; gzip when FILE ends in .gz). --replay plays it back.</source>
        <translation>Записывать поток по мере поступления в FILE: каждый кадр с его временем и обрывы соединения (JSON Lines; gzip, если FILE оканчивается на .gz). --replay воспроизводит запись.</translation>
    </message>
    <message>
        <source>Feed parameters of the built-in simulator, as a query string (count, disorder, start, seed, rate, delay, dup, gap, junk, oversize, drop, drops, replay, closecode, stall, size; docs/PROTOCOL.md).</source>
        <translation>Параметры встроенного симулятора в виде строки запроса (count, disorder, start, seed, rate, delay, dup, gap, junk, oversize, drop, drops, replay, closecode, stall, size; docs/PROTOCOL.md).</translation>
    </message>
    <message>
        <source>Memory budget for what the run holds while the sink is behind (the window&apos;s frames and the frames the sink has not confirmed): past it the feed is paused; a Redis channel, which cannot wait, drops (see --on-overflow).</source>
        <translation>Бюджет памяти на то, что прогон держит, пока приёмник отстаёт (кадры окна и кадры, не подтверждённые приёмником): сверх него поток приостанавливается; канал Redis, который ждать не может, отбрасывает сообщения (см. --on-overflow).</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>ЧТО</translation>
    </message>
    <message>
        <source>A feed that cannot be paused (a Redis channel) past --max-backlog: drop what arrives, counted with its ids (the run FAILs), or end the run.</source>
        <translation>Поток, который нельзя приостановить (канал Redis), сверх --max-backlog: отбрасывать поступающее с подсчётом и id (прогон ПРОВАЛЕН) или завершить прогон.</translation>
    </message>
    <message>
        <source>After the feed ends, wait for the sink as long as it confirms frames; give up after MS milliseconds without any (what it did not confirm FAILs the run).</source>
        <translation>После окончания потока ждать приёмник, пока он подтверждает кадры; сдаться после MS миллисекунд без подтверждений (неподтверждённое проваливает прогон).</translation>
    </message>
    <message>
        <source>Exit with status 1 on WARN too (the feed was unhealthy: missing ids, duplicates, malformed frames, or nothing arrived).</source>
        <translation>Завершаться с кодом 1 и при ВНИМАНИИ (поток был нездоров: пропущенные id, дубликаты, испорченные кадры или не пришло ничего).</translation>
    </message>
    <message>
        <source>%1 excludes %2 and %3</source>
        <translation>%1 исключает %2 и %3</translation>
    </message>
    <message>
        <source>Keep the run in the runs history the window shows (its settings, report, verdict, charts and the paths of its files), in the app&apos;s data folder.</source>
        <translation>Сохранить прогон в истории прогонов, которую показывает окно (его настройки, отчёт, вердикт, графики и пути к его файлам), в папке данных приложения.</translation>
    </message>
    <message>
        <source>The runs history to use instead of the window&apos;s: an SQLite database, created if missing (implies --history).</source>
        <translation>История прогонов вместо той, что у окна: база данных SQLite, создаётся, если её нет (включает --history).</translation>
    </message>
    <message>
        <source>Print the runs history, newest first, one line each: id, started, name, verdict, counts, source; then exit.</source>
        <translation>Вывести историю прогонов, новые первыми, по строке на прогон: id, начало, имя, вердикт, счётчики, источник; затем выйти.</translation>
    </message>
    <message>
        <source>Reorder window W: the heap&apos;s capacity in stream mode; auto: W follows the feed&apos;s disorder, up to the maximum window.</source>
        <translation>Окно переупорядочивания W: ёмкость кучи в потоковом режиме; auto: W следует за беспорядком потока, не больше наибольшего окна.</translation>
    </message>
    <message>
        <source>an integer from 1 to 1073741824, or auto</source>
        <translation>целым числом от 1 до 1073741824 или auto</translation>
    </message>
    <message>
        <source>With --window auto: the largest W it may grow to.</source>
        <translation>С --window auto: наибольшее W, до которого окно может вырасти.</translation>
    </message>
    <message>
        <source>CAPTURE</source>
        <translation>ЗАПИСЬ</translation>
    </message>
    <message>
        <source>Print the what-if table of a capture and exit: late messages, lost ids, hold times and memory for W = 1, 2, 4 ... 65536, the recorded run&apos;s W, the recommended one and auto, with max-hold off, 1, 10, 100 and 1000 ms. --window and --max-hold name the setting to compare (default: the recorded run&apos;s).</source>
        <translation>Напечатать таблицу «что если» для записи потока и выйти: опоздавшие сообщения, потерянные id, время удержания и память для W = 1, 2, 4 ... 65536, W записанного прогона, рекомендованного и auto, с max-hold выкл., 1, 10, 100 и 1000 мс. --window и --max-hold задают настройку для сравнения (по умолчанию — записанного прогона).</translation>
    </message>
    <message>
        <source>With --analyze: print the table as JSON.</source>
        <translation>С --analyze: напечатать таблицу в JSON.</translation>
    </message>
    <message>
        <source>Leave the what-if table out of the report (it costs a few bytes of memory a message and some seconds at the end of a long run).</source>
        <translation>Не включать таблицу «что если» в отчёт (она стоит нескольких байт памяти на сообщение и нескольких секунд в конце долгого прогона).</translation>
    </message>
    <message>
        <source>%1 needs %2 auto</source>
        <translation>%1 требует %2 auto</translation>
    </message>
    <message>
        <source>%1 auto works in stream mode only</source>
        <translation>%1 auto работает только в потоковом режиме</translation>
    </message>
</context>
<context>
    <name>CommandLineBasics</name>
    <message>
        <source>unexpected argument: %1</source>
        <translation>неожиданный аргумент: %1</translation>
    </message>
</context>
<context>
    <name>CommandOption</name>
    <message>
        <source>%1 Default: %2</source>
        <comment>an option&apos;s help text, then its default value</comment>
        <translation>%1 По умолчанию: %2</translation>
    </message>
    <message>
        <source>%1 must be %2, not &quot;%3&quot;</source>
        <translation>%1 должно быть %2, а не «%3»</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>the last of several choices</comment>
        <translation>%1 или %2</translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>целым числом от %1 до %2</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 не может быть пустым</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL</source>
        <translation>«%1» — некорректный URL</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare %1 and %2</source>
        <translation>Сравнение: %1 и %2</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Прогон %1</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <source>&amp;Histogram</source>
        <translation>&amp;Гистограмма</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Скорость</translation>
    </message>
</context>
<context>
    <name>CompareFigures</name>
    <message>
        <source>the feed closed</source>
        <translation>поток закрылся</translation>
    </message>
    <message>
        <source>the count was reached</source>
        <translation>достигнуто заданное число</translation>
    </message>
    <message>
        <source>the operator stopped it</source>
        <translation>остановлен оператором</translation>
    </message>
    <message>
        <source>the idle timeout</source>
        <translation>тайм-аут простоя</translation>
    </message>
    <message>
        <source>batch mode&apos;s memory cap</source>
        <translation>предел памяти пакетного режима</translation>
    </message>
    <message>
        <source>the feed failed</source>
        <translation>сбой потока</translation>
    </message>
    <message>
        <source>the sink failed</source>
        <translation>сбой приёмника</translation>
    </message>
    <message>
        <source>the sink&apos;s backlog over its budget</source>
        <translation>отставание приёмника сверх бюджета</translation>
    </message>
    <message>
        <source>The run</source>
        <translation>Прогон</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Sink</source>
        <translation>Приёмник</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Window W</source>
        <translation>Окно W</translation>
    </message>
    <message>
        <source>Max hold (ms)</source>
        <translation>Макс. ожидание (мс)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Вердикт</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Причины</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Чем завершился</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Счётчики</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Confirmed by sink</source>
        <translation>Подтверждено приёмником</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздавших</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликатов</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Некорректных</translation>
    </message>
    <message>
        <source>Missing ids</source>
        <translation>Пропущено id</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Разрывов</translation>
    </message>
    <message>
        <source>Ids that never arrived</source>
        <translation>Id, которые так и не пришли</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Упорядочено</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Inversions</source>
        <translation>Инверсии</translation>
    </message>
    <message>
        <source>Max distance</source>
        <translation>Макс. отклонение</translation>
    </message>
    <message>
        <source>Max late distance</source>
        <translation>Макс. опоздание</translation>
    </message>
    <message>
        <source>Max early distance</source>
        <translation>Макс. опережение</translation>
    </message>
    <message>
        <source>Recommended window</source>
        <translation>Рекомендуемое окно</translation>
    </message>
    <message>
        <source>Timing (ms)</source>
        <translation>Время (мс)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Приём</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Throughput (msg/s)</source>
        <translation>Пропускная способность (сообщ./с)</translation>
    </message>
    <message>
        <source>Hold time (ms)</source>
        <translation>Время удержания (мс)</translation>
    </message>
    <message>
        <source>Hold min</source>
        <translation>Удержание мин.</translation>
    </message>
    <message>
        <source>Hold p50</source>
        <translation>Удержание p50</translation>
    </message>
    <message>
        <source>Hold p99</source>
        <translation>Удержание p99</translation>
    </message>
    <message>
        <source>Hold max</source>
        <translation>Удержание макс.</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Соединения</translation>
    </message>
    <message>
        <source>Feed drops</source>
        <translation>Обрывы потока</translation>
    </message>
    <message>
        <source>Feed reconnections</source>
        <translation>Переподключения потока</translation>
    </message>
    <message>
        <source>Sink drops</source>
        <translation>Обрывы приёмника</translation>
    </message>
    <message>
        <source>Sink reconnections</source>
        <translation>Переподключения приёмника</translation>
    </message>
    <message>
        <source>Re-sent to sink</source>
        <translation>Отправлено повторно</translation>
    </message>
    <message>
        <source>Feed held back</source>
        <translation>Поток придержан</translation>
    </message>
    <message>
        <source>Sink backlog peak</source>
        <translation>Пик отставания приёмника</translation>
    </message>
    <message>
        <source>W at most (auto)</source>
        <translation>Наибольшее W (авто)</translation>
    </message>
</context>
<context>
    <name>ConnectionEvent</name>
    <message>
        <source>%1 s: the feed dropped (%2); reconnecting, attempt %3</source>
        <translation>%1 с: поток оборвался (%2); переподключение, попытка %3</translation>
    </message>
    <message>
        <source>%1 s: the sink dropped (%2); reconnecting, attempt %3; unconfirmed frames will be sent again</source>
        <translation>%1 с: приёмник оборвался (%2); переподключение, попытка %3; неподтверждённые кадры будут отправлены снова</translation>
    </message>
    <message>
        <source>%1 s: reconnecting the feed failed (%2); attempt %3</source>
        <translation>%1 с: переподключиться к потоку не удалось (%2); попытка %3</translation>
    </message>
    <message>
        <source>%1 s: reconnecting the sink failed (%2); attempt %3</source>
        <translation>%1 с: переподключиться к приёмнику не удалось (%2); попытка %3</translation>
    </message>
    <message>
        <source>%1 s: the feed reconnected after %2 s; repeated ids count as duplicates</source>
        <translation>%1 с: поток переподключён через %2 с; повторные id считаются дубликатами</translation>
    </message>
    <message>
        <source>%1 s: the sink reconnected after %2 s; unconfirmed frames are sent again</source>
        <translation>%1 с: приёмник переподключён через %2 с; неподтверждённые кадры отправляются снова</translation>
    </message>
</context>
<context>
    <name>DistanceChart</name>
    <message>
        <source>Out-of-order distance per message</source>
        <translation>Отклонение от порядка для каждого сообщения</translation>
    </message>
    <message>
        <source>distance (min..max per column)</source>
        <translation>отклонение (мин..макс на столбец)</translation>
    </message>
    <message>
        <source>+W</source>
        <translation>+W</translation>
    </message>
    <message>
        <source>-W</source>
        <translation>−W</translation>
    </message>
    <message>
        <source>arrival index</source>
        <translation>номер прибытия</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>отклонение</translation>
    </message>
    <message>
        <source>&amp;Time axis (seconds since the start)</source>
        <translation>Ось &amp;времени (секунды от начала)</translation>
    </message>
    <message>
        <source>Plot against the time each message arrived instead of its arrival index</source>
        <translation>Откладывать по времени прихода сообщения, а не по его номеру прибытия</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>секунды от начала</translation>
    </message>
    <message>
        <source>±W = %1</source>
        <translation>±W = %1</translation>
    </message>
    <message>
        <source>W = %1 beyond the scale</source>
        <translation>W = %1 за пределами шкалы</translation>
    </message>
    <message>
        <source>largest |distance| %1 beyond the scale</source>
        <translation>наибольшее |отклонение| %1 за пределами шкалы</translation>
    </message>
    <message>
        <source>arrivals %1–%2: none sent yet</source>
        <translation>прибытия %1–%2: пока ничего не отправлено</translation>
    </message>
    <message>
        <source>arrivals %1–%2: distance %3 to %4</source>
        <translation>прибытия %1–%2: отклонение от %3 до %4</translation>
    </message>
    <message>
        <source>A past run&apos;s chart keeps no arrival times</source>
        <translation>График прошлого прогона не хранит времени прихода</translation>
    </message>
    <message>
        <source>±W auto, now %1</source>
        <translation>±W авто, сейчас %1</translation>
    </message>
</context>
<context>
    <name>End</name>
    <message>
        <source>INSECURE: certificate errors ignored as asked (--insecure): %1</source>
        <translation>НЕБЕЗОПАСНО: ошибки сертификатов пропущены по запросу (--insecure): %1</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>If the server does not use TLS, use ws:// instead of wss://.</source>
        <translation>Если сервер не использует TLS, укажите ws:// вместо wss://.</translation>
    </message>
</context>
<context>
    <name>FeedParams</name>
    <message>
        <source>bad parameter %1=%2: %3</source>
        <translation>неверный параметр %1=%2: %3</translation>
    </message>
    <message>
        <source>unknown parameter</source>
        <translation>неизвестный параметр</translation>
    </message>
    <message>
        <source>not a valid value</source>
        <translation>недопустимое значение</translation>
    </message>
    <message>
        <source>a step at a percentage needs a count</source>
        <translation>шагу в процентах нужно число сообщений (count)</translation>
    </message>
</context>
<context>
    <name>FeedServerCommandLine</name>
    <message>
        <source>PORT</source>
        <translation>ПОРТ</translation>
    </message>
    <message>
        <source>Port to listen on (0: any free port).</source>
        <translation>Порт для приёма подключений (0 — любой свободный).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>Serve wss:// with this PEM certificate (chain).</source>
        <translation>Обслуживать wss:// с этим сертификатом PEM (цепочкой).</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM, unencrypted).</source>
        <translation>Закрытый ключ сертификата (PEM, без шифрования).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation>Адрес для приёма подключений.</translation>
    </message>
    <message>
        <source>an IP address or localhost</source>
        <translation>IP-адресом или localhost</translation>
    </message>
    <message>
        <source>Log nothing but errors.</source>
        <translation>Писать в журнал только ошибки.</translation>
    </message>
    <message>
        <source>%1 and %2 go together</source>
        <translation>%1 и %2 задаются вместе</translation>
    </message>
    <message>
        <source>Serve this capture (recorded with reorder-monitor --capture) at /raw-messages instead of a simulated feed: its frames, byte for byte, at their recorded pace times --speed.</source>
        <translation>Отдавать эту запись (сделанную reorder-monitor --capture) по /raw-messages вместо симулированного потока: её кадры байт в байт, в записанном темпе, умноженном на --speed.</translation>
    </message>
    <message>
        <source>SPEED</source>
        <translation>СКОРОСТЬ</translation>
    </message>
    <message>
        <source>With --replay: this many times faster than recorded, or max.</source>
        <translation>С --replay: во столько раз быстрее записанного или max.</translation>
    </message>
    <message>
        <source>a number from 0.001 to 1000, or max</source>
        <translation>число от 0.001 до 1000 или max</translation>
    </message>
    <message>
        <source>Serves a simulated out-of-order feed at ws://HOST:PORT%1?count=&amp;disorder=&amp;start=&amp;seed=&amp;rate=&amp;delay=&amp;dup=&amp;gap=&amp;junk=&amp;oversize=&amp;drop=&amp;drops=&amp;replay=&amp;closecode=&amp;stall=&amp;size= and validates what arrives at ws://HOST:PORT%2&lt;name&gt;?slow=&amp;drop=&amp;drops=&amp;stall=&amp;stallms= (wss:// with %3 and %4).</source>
        <translation>Отдаёт симулированный поток с нарушенным порядком по ws://HOST:PORT%1?count=&amp;disorder=&amp;start=&amp;seed=&amp;rate=&amp;delay=&amp;dup=&amp;gap=&amp;junk=&amp;oversize=&amp;drop=&amp;drops=&amp;replay=&amp;closecode=&amp;stall=&amp;size= и проверяет то, что приходит на ws://HOST:PORT%2&lt;name&gt;?slow=&amp;drop=&amp;drops=&amp;stall=&amp;stallms= (wss:// с %3 и %4).</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 требует %2</translation>
    </message>
</context>
<context>
    <name>FeedSimulator</name>
    <message>
        <source>ordered</source>
        <translation>упорядочено</translation>
    </message>
    <message>
        <source>NOT ordered</source>
        <translation>НЕ упорядочено</translation>
    </message>
    <message>
        <source>refused a feed: %1</source>
        <translation>поток отклонён: %1</translation>
    </message>
    <message>
        <source>refused a connection to unknown path %1</source>
        <translation>отклонено подключение к неизвестному пути %1</translation>
    </message>
    <message>
        <source>unknown path %1: use %2 or %3&lt;name&gt;</source>
        <translation>неизвестный путь %1: используйте %2 или %3&lt;имя&gt;</translation>
    </message>
    <message>
        <source>feed %1: %2 frames, %3 messages, %4 duplicates, %5 junk, %6 gaps, max displacement %7%8</source>
        <translation>поток %1: кадров %2, сообщений %3, дубликатов %4, мусора %5, пропусков %6, макс. смещение %7%8</translation>
    </message>
    <message>
        <source>, complete</source>
        <translation>, завершён</translation>
    </message>
    <message>
        <source>, dropped on purpose</source>
        <translation>, оборван намеренно</translation>
    </message>
    <message>
        <source>, client went away</source>
        <translation>, клиент отключился</translation>
    </message>
    <message>
        <source>sink %1: %2 frames, %3, %4 duplicates, %5 inversions, %6 missing ids, %7 malformed; connection %8: %9 frames, %10%11</source>
        <translation>приёмник %1: кадров %2, %3, дубликатов %4, инверсий %5, пропущенных id %6, некорректных %7; соединение %8: кадров %9, %10%11</translation>
    </message>
    <message>
        <source>, cut on purpose</source>
        <translation>, оборвано намеренно</translation>
    </message>
    <message>
        <source>, closed normally</source>
        <translation>, закрыто штатно</translation>
    </message>
    <message>
        <source>TLS is not available (no TLS backend)</source>
        <translation>TLS недоступен (нет TLS-бэкенда)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>в %1 нет сертификата PEM</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted RSA or EC key in PEM</source>
        <translation>в %1 нет незашифрованного ключа RSA или EC в формате PEM</translation>
    </message>
    <message>
        <source>this resumable feed is connected already</source>
        <translation>этот возобновляемый поток уже подключён</translation>
    </message>
    <message>
        <source>; %1 oversize, %2 replayed after a drop, connection %3</source>
        <translation>; слишком больших %1, повторено после обрыва %2, соединение %3</translation>
    </message>
</context>
<context>
    <name>FileSave</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>id or arrival #</source>
        <translation>id или № прибытия</translation>
    </message>
    <message>
        <source>Jump to the row with this id or arrival # (Ctrl+F, then Enter)</source>
        <translation>Перейти к строке с этим id или № прибытия (Ctrl+F, затем Enter)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Arrival #</source>
        <translation>№ прибытия</translation>
    </message>
    <message>
        <source>Whether the number is a message id or an arrival #</source>
        <translation>Что это за число: id сообщения или № прибытия</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <source>Jump to it (Enter)</source>
        <translation>Перейти к строке (Enter)</translation>
    </message>
    <message>
        <source>The kind of row that Previous and Next jump to</source>
        <translation>К каким строкам переходят «Назад» и «Далее»</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>The previous row of this kind (Shift+F3)</source>
        <translation>Предыдущая строка этого вида (Shift+F3)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <source>The next row of this kind (F3)</source>
        <translation>Следующая строка этого вида (F3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>«%1» — не число</translation>
    </message>
</context>
<context>
    <name>FramePath</name>
    <message>
        <source>... (%1 characters in all)</source>
        <translation>... (всего символов: %1)</translation>
    </message>
    <message>
        <source>binary frame of %1 bytes: %2</source>
        <translation>двоичный кадр из %1 байт: %2</translation>
    </message>
    <message>
        <source>batch mode reached its memory cap of %1 MiB after %2 messages: the feed is no longer read and what is held is sent; stream mode needs memory only for the window</source>
        <translation>пакетный режим достиг предела памяти %1 МиБ после %2 сообщений: поток больше не читается, удерживаемое отправляется; потоковому режиму память нужна только на окно</translation>
    </message>
    <message>
        <source>the sink fell %1 MiB behind a feed that cannot wait: ending the run</source>
        <translation>приёмник отстал на %1 МиБ от потока, который не может ждать: прогон завершается</translation>
    </message>
    <message>
        <source>the sink fell %1 MiB behind a feed that cannot wait: messages are dropped and counted until it catches up</source>
        <translation>приёмник отстал на %1 МиБ от потока, который не может ждать: сообщения отбрасываются с подсчётом, пока он не догонит</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>cannot start the built-in feed simulator: %1</source>
        <translation>не удаётся запустить встроенный симулятор потока: %1</translation>
    </message>
    <message>
        <source>built-in feed simulator: %1</source>
        <translation>встроенный симулятор потока: %1</translation>
    </message>
    <message>
        <source>no --send-url: messages are ordered and validated, not forwarded</source>
        <translation>нет --send-url: сообщения упорядочиваются и проверяются, но не пересылаются</translation>
    </message>
    <message>
        <source>reorder-monitor: stopping; held messages are released and the files written</source>
        <translation>reorder-monitor: остановка; удерживаемые сообщения выпускаются, файлы записываются</translation>
    </message>
    <message>
        <source>simulator feed: %1 messages, %2 duplicates, %3 junk, %4 ids skipped, max displacement %5</source>
        <translation>поток симулятора: сообщений %1, дубликатов %2, мусора %3, пропущено id %4, макс. смещение %5</translation>
    </message>
    <message>
        <source>simulator sink: received %1 frames, %2, %3 duplicates, %4 missing ids</source>
        <translation>приёмник симулятора: получено кадров %1, %2, дубликатов %3, пропущенных id %4</translation>
    </message>
    <message>
        <source>strictly ordered</source>
        <translation>строго упорядочено</translation>
    </message>
    <message>
        <source>NOT ordered</source>
        <translation>НЕ упорядочено</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>чтение: %1</translation>
    </message>
    <message>
        <source>cannot make a file name inside %1</source>
        <translation>не удаётся составить имя файла внутри %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>запись %1</translation>
    </message>
    <message>
        <source>--csv and --report name the same file: %1</source>
        <translation>--csv и --report указывают один и тот же файл: %1</translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation>встроенный симулятор</translation>
    </message>
    <message>
        <source>cannot keep the run in the history %1: %2</source>
        <translation>не удаётся сохранить прогон в истории %1: %2</translation>
    </message>
    <message>
        <source>kept in the runs history as run %1 (%2)</source>
        <translation>сохранено в истории прогонов как прогон %1 (%2)</translation>
    </message>
</context>
<context>
    <name>HistogramChart</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Логарифмическая шкала</translation>
    </message>
    <message>
        <source>Histogram of |distance|</source>
        <translation>Гистограмма |отклонения|</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>сообщения</translation>
    </message>
    <message>
        <source>|distance|, from</source>
        <translation>|отклонение|, от</translation>
    </message>
    <message>
        <source>messages (log)</source>
        <translation>сообщения (лог.)</translation>
    </message>
    <message>
        <source>|distance| %1: %2 messages</source>
        <translation>|отклонение| %1: сообщений — %2</translation>
    </message>
    <message>
        <source>A logarithmic count axis, so that the rare large distances show</source>
        <translation>Логарифмическая ось количества, чтобы были видны редкие большие отклонения</translation>
    </message>
</context>
<context>
    <name>HistoryListing</name>
    <message>
        <source>received %1, sent %2, late %3, duplicates %4, malformed %5, missing %6</source>
        <translation>получено %1, отправлено %2, опоздавших %3, дубликатов %4, некорректных %5, пропущено %6</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>&amp;Compare</source>
        <translation>С&amp;равнить</translation>
    </message>
    <message>
        <source>Select two runs: every figure side by side, the differences highlighted, their histograms and rates overlaid</source>
        <translation>Выберите два прогона: все показатели рядом, различия выделены, гистограммы и скорости наложены друг на друга</translation>
    </message>
    <message>
        <source>Re&amp;name...</source>
        <translation>Пере&amp;именовать...</translation>
    </message>
    <message>
        <source>Give the selected run a name (&quot;after the load balancer change&quot;)</source>
        <translation>Дать выбранному прогону имя («после смены балансировщика»)</translation>
    </message>
    <message>
        <source>N&amp;ote...</source>
        <translation>&amp;Заметка...</translation>
    </message>
    <message>
        <source>Write a note on the selected run</source>
        <translation>Написать заметку к выбранному прогону</translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation>&amp;Удалить...</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history, with the files the window made for them (Delete)</source>
        <translation>Удалить выбранные прогоны из истории вместе с файлами, которые окно для них создало (Delete)</translation>
    </message>
    <message>
        <source>Re&amp;play capture</source>
        <translation>&amp;Воспроизвести запись</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s capture again as the feed</source>
        <translation>Снова запустить запись выбранного прогона как поток</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Настройки...</translation>
    </message>
    <message>
        <source>Captures, and how much history to keep</source>
        <translation>Записи и сколько истории хранить</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>не больше %1</translation>
    </message>
    <message>
        <source>Storage: %1; keeps %2</source>
        <translation>Хранилище: %1; хранится: %2</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>всё</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Cannot rename the run: %1</source>
        <translation>Не удаётся переименовать прогон: %1</translation>
    </message>
    <message>
        <source>Cannot write the note: %1</source>
        <translation>Не удаётся сохранить заметку: %1</translation>
    </message>
    <message>
        <source>Cannot delete: %1</source>
        <translation>Не удаётся удалить: %1</translation>
    </message>
    <message>
        <source>Rename the run</source>
        <translation>Переименование прогона</translation>
    </message>
    <message>
        <source>Name of run %1 (empty: none):</source>
        <translation>Имя прогона %1 (пусто — без имени):</translation>
    </message>
    <message>
        <source>Note on the run</source>
        <translation>Заметка к прогону</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Заметка к «%1»:</translation>
    </message>
    <message>
        <source>Delete %1 from the history, with its CSV and capture?</source>
        <translation>Удалить «%1» из истории вместе с его CSV и записью?</translation>
    </message>
    <message>
        <source>Delete these %1 runs from the history, with their CSV and capture files?
%2</source>
        <translation>Удалить эти прогоны (%1) из истории вместе с их файлами CSV и записей?
%2</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Удаление прогонов</translation>
    </message>
    <message>
        <source>Files named on a command line (headless runs) are left where they are.</source>
        <translation>Файлы, названные в командной строке (прогоны без окна), остаются на месте.</translation>
    </message>
    <message>
        <source>the newest run</source>
        <translation>последний прогон</translation>
    </message>
    <message numerus="yes">
        <source>the newest %Ln runs</source>
        <translation>
            <numerusform>последний %Ln прогон</numerusform>
            <numerusform>последние %Ln прогона</numerusform>
            <numerusform>последние %Ln прогонов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistorySchema</name>
    <message>
        <source>the history was written by a newer version of the program (schema %1; this one knows %2)</source>
        <translation>история записана более новой версией программы (схема %1; эта версия знает только %2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reorder Monitor</source>
        <translation>Монитор порядка сообщений</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Прогон</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Старт</translation>
    </message>
    <message>
        <source>Start a run (Ctrl+R)</source>
        <translation>Начать прогон (Ctrl+R)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Ст&amp;оп</translation>
    </message>
    <message>
        <source>Stop the run: held messages are released and sent (Esc)</source>
        <translation>Остановить прогон: удерживаемые сообщения выпускаются и отправляются (Esc)</translation>
    </message>
    <message>
        <source>&amp;Flush to SEND_URL</source>
        <translation>&amp;Выгрузить в SEND_URL</translation>
    </message>
    <message>
        <source>Batch mode: send what is held, sorted. Stream mode: release the rest now (Ctrl+Shift+F)</source>
        <translation>Пакетный режим: отправить удерживаемое, отсортировав. Потоковый режим: выпустить остаток сейчас (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>&amp;Экспорт CSV...</translation>
    </message>
    <message>
        <source>Save the run&apos;s messages as CSV (Ctrl+E)</source>
        <translation>Сохранить сообщения прогона в CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export CSV of &amp;runs...</source>
        <translation>Экспорт CSV &amp;прогонов...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Прогон</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Reorder Monitor</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Runs history</source>
        <translation>История прогонов</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>The built-in simulator cannot start: %1</source>
        <translation>Встроенный симулятор не запускается: %1</translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation>встроенный симулятор</translation>
    </message>
    <message>
        <source>Run %1: %2 -&gt; %3, window %4, %5 mode</source>
        <translation>Прогон %1: %2 -&gt; %3, окно %4, %5 режим</translation>
    </message>
    <message>
        <source>(not forwarded)</source>
        <translation>(без пересылки)</translation>
    </message>
    <message>
        <source>Certificate errors are ignored for this run: the connections are not authenticated.</source>
        <translation>В этом прогоне ошибки сертификатов игнорируются: соединения не аутентифицированы.</translation>
    </message>
    <message>
        <source>Stopping: held messages are released and sent.</source>
        <translation>Остановка: удерживаемые сообщения выпускаются и отправляются.</translation>
    </message>
    <message>
        <source>Flush: releasing what is held.</source>
        <translation>Выгрузка: выпуск удерживаемых сообщений.</translation>
    </message>
    <message>
        <source>The feed ended. %1 messages are held: press Flush to send them sorted.</source>
        <translation>Поток закончился. Удерживается сообщений: %1; нажмите «Выгрузить», чтобы отправить их отсортированными.</translation>
    </message>
    <message>
        <source>The run&apos;s CSV could not be written: %1</source>
        <translation>Не удалось записать CSV прогона: %1</translation>
    </message>
    <message>
        <source>Run %1 finished: %2</source>
        <translation>Прогон %1 завершён: %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Примечание: %1</translation>
    </message>
    <message>
        <source>There is no finished run to export.</source>
        <translation>Нет завершённого прогона для экспорта.</translation>
    </message>
    <message>
        <source>Saved the messages of run %1 to %2.</source>
        <translation>Сообщения прогона %1 сохранены в %2.</translation>
    </message>
    <message>
        <source>Saved the runs to %1, each run&apos;s messages next to it.</source>
        <translation>Прогоны сохранены в %1, сообщения каждого прогона — рядом.</translation>
    </message>
    <message>
        <source>Export the run&apos;s messages</source>
        <translation>Экспорт сообщений прогона</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the runs</source>
        <translation>Экспорт прогонов</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>About Reorder Monitor</source>
        <translation>О программе «Монитор порядка сообщений»</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reorder Monitor %1&lt;/b&gt;&lt;p&gt;Puts an out-of-order WebSocket feed back in id order with a bounded heap, forwards it and proves it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Монитор порядка сообщений %1&lt;/b&gt;&lt;p&gt;Восстанавливает порядок id в WebSocket-потоке с помощью ограниченной кучи, пересылает его и доказывает результат.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Switch to stream mode</source>
        <translation>Перейти в потоковый режим</translation>
    </message>
    <message>
        <source>Stream mode holds only the window, whatever the length of the run</source>
        <translation>Потоковый режим удерживает только окно, какой бы длинной ни был прогон</translation>
    </message>
    <message>
        <source>Switched to stream mode: start the run again.</source>
        <translation>Включён потоковый режим: запустите прогон снова.</translation>
    </message>
    <message>
        <source>Batch mode reached its memory cap of %1 MiB after %2 messages: the feed was no longer read and what was held was sent. Stream mode needs memory only for the window; or raise the batch memory cap.</source>
        <translation>Пакетный режим достиг предела памяти %1 МиБ после %2 сообщений: поток больше не читался, удержанное было отправлено. Потоковому режиму нужна память только на окно; или увеличьте предел памяти пакетного режима.</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>&amp;Найти...</translation>
    </message>
    <message>
        <source>Find an id or an arrival # in the table (Ctrl+F)</source>
        <translation>Найти в таблице id или № прибытия (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show or hide the set-&amp;up</source>
        <translation>Показать или скрыть &amp;настройку</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Подсказка: %1</translation>
    </message>
    <message>
        <source>Quit during a run?</source>
        <translation>Выйти во время прогона?</translation>
    </message>
    <message>
        <source>The runs history cannot be kept: %1. Runs are listed for this session only.</source>
        <translation>Историю прогонов вести не удаётся: %1. Прогоны показываются только до закрытия окна.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs were cut off before they ended (the program crashed or was killed): they are marked interrupted in the history.</source>
        <translation>
            <numerusform>%n прогон оборвался до завершения (программа упала или была убита): он отмечен в истории как прерванный.</numerusform>
            <numerusform>%n прогона оборвались до завершения (программа упала или была убита): они отмечены в истории как прерванные.</numerusform>
            <numerusform>%n прогонов оборвались до завершения (программа упала или была убита): они отмечены в истории как прерванные.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open capture...</source>
        <translation>&amp;Открыть запись...</translation>
    </message>
    <message>
        <source>Replay a recorded capture as the feed (or drop the file on the window) (Ctrl+O)</source>
        <translation>Воспроизвести сделанную запись как поток (или перетащите файл в окно) (Ctrl+O)</translation>
    </message>
    <message>
        <source>Save the runs as one CSV, each run&apos;s messages next to it</source>
        <translation>Сохранить прогоны в один CSV, сообщения каждого прогона — рядом</translation>
    </message>
    <message numerus="yes">
        <source>%n older runs were deleted with their files (the history&apos;s limit).</source>
        <translation>
            <numerusform>%n старый прогон удалён вместе с файлами (предел истории).</numerusform>
            <numerusform>%n старых прогона удалены вместе с файлами (предел истории).</numerusform>
            <numerusform>%n старых прогонов удалены вместе с файлами (предел истории).</numerusform>
        </translation>
    </message>
    <message>
        <source>A run is going on. Quit anyway? What is held is released and sent first, and the run is kept in the history.</source>
        <translation>Идёт прогон. Всё равно выйти? Удерживаемые сообщения сначала будут выпущены и отправлены, а прогон сохранится в истории.</translation>
    </message>
    <message>
        <source>Stopping: the window closes once the run is recorded.</source>
        <translation>Остановка: окно закроется, как только прогон будет сохранён.</translation>
    </message>
    <message>
        <source>Open a capture to replay</source>
        <translation>Открыть запись для воспроизведения</translation>
    </message>
    <message>
        <source>Captures (*.jsonl *.jsonl.gz *.gz);;All files (*)</source>
        <translation>Записи (*.jsonl *.jsonl.gz *.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>A run is going on: stop it before replaying a capture.</source>
        <translation>Идёт прогон: остановите его, прежде чем воспроизводить запись.</translation>
    </message>
    <message>
        <source>Cannot replay %1: %2</source>
        <translation>Не удаётся воспроизвести %1: %2</translation>
    </message>
    <message>
        <source>Replaying %1 at %2.</source>
        <translation>Воспроизведение %1: %2.</translation>
    </message>
    <message>
        <source>%1× its recorded pace</source>
        <translation>%1× от записанного темпа</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>на полной скорости</translation>
    </message>
    <message>
        <source>A run is going on: past runs are shown once it ends.</source>
        <translation>Идёт прогон: прошлые прогоны можно будет посмотреть, когда он закончится.</translation>
    </message>
    <message>
        <source>Run %1, started %2</source>
        <translation>Прогон %1, начат %2</translation>
    </message>
    <message>
        <source>Run %1: %2, started %3</source>
        <translation>Прогон %1: %2, начат %3</translation>
    </message>
    <message>
        <source>This run is going on in another window or process.</source>
        <translation>Этот прогон идёт в другом окне или процессе.</translation>
    </message>
    <message>
        <source>The run was cut off before it ended: the program crashed or was killed. Its capture, if there is one, can be replayed.</source>
        <translation>Прогон оборвался до завершения: программа упала или была убита. Его запись, если она есть, можно воспроизвести.</translation>
    </message>
    <message>
        <source>Only two finished runs can be compared.</source>
        <translation>Сравнить можно только два завершённых прогона.</translation>
    </message>
    <message>
        <source>The runs history could not be opened: there is nothing to set.</source>
        <translation>Историю прогонов открыть не удалось: настраивать нечего.</translation>
    </message>
    <message>
        <source>Cannot keep the history&apos;s limit: %1</source>
        <translation>Не удаётся сохранить предел истории: %1</translation>
    </message>
    <message>
        <source>The next run uses W = %1 and max-hold %2 ms (the what-if advisor).</source>
        <translation>Следующий прогон: W = %1 и max-hold %2 мс (по совету «что если»).</translation>
    </message>
    <message>
        <source>The next run uses W = %1 (the what-if advisor).</source>
        <translation>Следующий прогон: W = %1 (по совету «что если»).</translation>
    </message>
</context>
<context>
    <name>MessageCodec</name>
    <message>
        <source>valid message</source>
        <translation>корректное сообщение</translation>
    </message>
    <message>
        <source>empty frame</source>
        <translation>пустой кадр</translation>
    </message>
    <message>
        <source>binary frame</source>
        <translation>двоичный кадр</translation>
    </message>
    <message>
        <source>frame over the size limit</source>
        <translation>кадр превышает предел размера</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>некорректный JSON</translation>
    </message>
    <message>
        <source>JSON, but not an object</source>
        <translation>JSON, но не объект</translation>
    </message>
    <message>
        <source>no &quot;id&quot; field</source>
        <translation>нет поля «id»</translation>
    </message>
    <message>
        <source>&quot;id&quot; is not an integer</source>
        <translation>«id» не целое число</translation>
    </message>
    <message>
        <source>&quot;id&quot; does not fit in 64 bits</source>
        <translation>«id» не помещается в 64 бита</translation>
    </message>
    <message>
        <source>&quot;id&quot; appears twice</source>
        <translation>«id» встречается дважды</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>неизвестная проблема</translation>
    </message>
    <message>
        <source>JSON nested too deep (over %1 levels)</source>
        <translation>JSON вложен слишком глубоко (более %1 уровней)</translation>
    </message>
</context>
<context>
    <name>MessageDetails</name>
    <message>
        <source>&amp;Copy row</source>
        <translation>&amp;Копировать строку</translation>
    </message>
    <message>
        <source>Copy &amp;raw frame</source>
        <translation>Копировать &amp;исходный кадр</translation>
    </message>
    <message>
        <source>Copy the selected row, tab-separated (Ctrl+C in the table)</source>
        <translation>Скопировать выбранную строку через табуляцию (Ctrl+C в таблице)</translation>
    </message>
    <message>
        <source>Copy the selected message&apos;s frame exactly as it arrived (Ctrl+Shift+C in the table)</source>
        <translation>Скопировать кадр выбранного сообщения точно в том виде, как он пришёл (Ctrl+Shift+C в таблице)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a message in the table to see it here in full.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите сообщение в таблице, чтобы увидеть его здесь целиком.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accepted and sent in order.</source>
        <translation>Принято и отправлено по порядку.</translation>
    </message>
    <message>
        <source>Accepted: held in the reorder buffer, waiting for smaller ids.</source>
        <translation>Принято: удерживается в буфере, ждёт меньшие id.</translation>
    </message>
    <message>
        <source>Late: it arrived after its place in the output had been given up, so it was not forwarded (that would break the order).</source>
        <translation>Опоздало: пришло после того, как от его места в выводе отказались, поэтому не переслано (иначе нарушился бы порядок).</translation>
    </message>
    <message>
        <source>It fell into the gap of id %1, given up just before output #%2.</source>
        <translation>Оно попало в пропуск id %1, от которого отказались перед выводом №%2.</translation>
    </message>
    <message>
        <source>It fell into the gap of ids %1–%2, given up just before output #%3.</source>
        <translation>Оно попало в пропуск id %1–%2, от которого отказались перед выводом №%3.</translation>
    </message>
    <message>
        <source>Duplicate: a message with this id had already arrived, so this copy was not forwarded.</source>
        <translation>Дубликат: сообщение с этим id уже приходило, поэтому эта копия не переслана.</translation>
    </message>
    <message>
        <source>Its first copy is &lt;a href=&quot;#%1&quot;&gt;arrival #%2&lt;/a&gt;%3.</source>
        <translation>Первая копия — &lt;a href=&quot;#%1&quot;&gt;прибытие №%2&lt;/a&gt;%3.</translation>
    </message>
    <message>
        <source>, sent as output #%1</source>
        <translation>, отправлена как вывод №%1</translation>
    </message>
    <message>
        <source>Its first copy is older than the rows the table keeps (see the run&apos;s CSV).</source>
        <translation>Первая копия старше строк, которые хранит таблица (см. CSV прогона).</translation>
    </message>
    <message>
        <source>Malformed: %1. Counted and shown, never forwarded.</source>
        <translation>Некорректный кадр: %1. Учтён и показан, но не пересылается.</translation>
    </message>
    <message>
        <source>Arrival #</source>
        <translation>№ прибытия</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Пришло</translation>
    </message>
    <message>
        <source>%1 s after the start</source>
        <translation>через %1 с после начала</translation>
    </message>
    <message>
        <source>Output #</source>
        <translation>№ вывода</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Удерживалось</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Binary frame (as hex, from the feed):</source>
        <translation>Двоичный кадр (в шестнадцатеричном виде, как из потока):</translation>
    </message>
    <message>
        <source>Raw frame (%1 characters):</source>
        <translation>Исходный кадр (символов: %1):</translation>
    </message>
    <message>
        <source>Hex (UTF-8, first %1 bytes):</source>
        <translation>Hex (UTF-8, первые %1 байт):</translation>
    </message>
    <message>
        <source>Hex (UTF-8):</source>
        <translation>Hex (UTF-8):</translation>
    </message>
    <message numerus="yes">
        <source>The output was %n id(s) past it when it arrived.</source>
        <translation>
            <numerusform>Когда оно пришло, вывод ушёл вперёд на %n id.</numerusform>
            <numerusform>Когда оно пришло, вывод ушёл вперёд на %n id.</numerusform>
            <numerusform>Когда оно пришло, вывод ушёл вперёд на %n id.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropped: the sink was over the run&apos;s memory budget and this feed cannot wait, so the message was counted (with its id, in the report) and not forwarded.</source>
        <translation>Отброшено: приёмник превысил бюджет памяти прогона, а этот поток не может ждать, поэтому сообщение подсчитано (с его id, в отчёте) и не переслано.</translation>
    </message>
    <message>
        <source>Arrival #%1 has left the table, which keeps the latest %2 frames; the run&apos;s CSV has it.</source>
        <translation>Прибытие №%1 ушло из таблицы: она хранит последние %2 кадров; в CSV прогона оно есть.</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Копировать строку</translation>
    </message>
    <message>
        <source>Copy raw frame</source>
        <translation>Копировать исходный кадр</translation>
    </message>
    <message>
        <source>The table keeps the newest rows (Connections and limits: Table rows); every frame of the run is in its CSV</source>
        <translation>Таблица хранит самые новые строки («Соединения и пределы»: «Строк в таблице»); все кадры прогона есть в его CSV</translation>
    </message>
    <message>
        <source>Following: the table shows the newest rows as they arrive. Paused: it stays where it is while the data keeps flowing underneath.</source>
        <translation>Слежение: таблица показывает новые строки по мере прихода. Пауза: таблица стоит на месте, а данные продолжают поступать.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Pause or resume following the newest rows (Space); the run goes on</source>
        <translation>Приостановить или продолжить слежение за новыми строками (Пробел); прогон идёт дальше</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>К последним</translation>
    </message>
    <message>
        <source>Show the newest rows and follow them again (Ctrl+End)</source>
        <translation>Показать самые новые строки и снова следить за ними (Ctrl+End)</translation>
    </message>
    <message>
        <source>Show or hide the %1 rows; any set of statuses at once</source>
        <translation>Показать или скрыть строки «%1»; можно выбрать любой набор статусов</translation>
    </message>
    <message>
        <source>distance &amp;above</source>
        <translation>откл&amp;онение больше</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любое</translation>
    </message>
    <message>
        <source>Only rows further out of order than this: |distance| of a sent message, ids behind of a late one (any: no limit)</source>
        <translation>Только строки, смещённые сильнее: |отклонение| отправленного сообщения, отставание в id для опоздавшего (любое — без ограничения)</translation>
    </message>
    <message>
        <source>%1 of %2 frames shown</source>
        <translation>показано %1 из %2 кадров</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>кадров: %1</translation>
    </message>
    <message>
        <source>%1 shown of the latest %2 frames (arrivals %3–%4); all %5 are in the run&apos;s CSV</source>
        <translation>показано %1 из последних %2 кадров (прибытия %3–%4); все %5 есть в CSV прогона</translation>
    </message>
    <message>
        <source>Arrival #%1 is older than the rows the table keeps (see the run&apos;s CSV)</source>
        <translation>Прибытие №%1 старше строк, которые хранит таблица (см. CSV прогона)</translation>
    </message>
    <message>
        <source>There is no arrival #%1 yet</source>
        <translation>Прибытия №%1 ещё нет</translation>
    </message>
    <message>
        <source>Arrival #%1</source>
        <translation>Прибытие №%1</translation>
    </message>
    <message>
        <source>No row with id %1 in the table</source>
        <translation>В таблице нет строки с id %1</translation>
    </message>
    <message>
        <source>Id %1: arrival #%2</source>
        <translation>Id %1: прибытие №%2</translation>
    </message>
    <message>
        <source>No %1 row after this one</source>
        <translation>Ниже нет строк «%1»</translation>
    </message>
    <message>
        <source>No %1 row before this one</source>
        <translation>Выше нет строк «%1»</translation>
    </message>
    <message>
        <source>An arrival # is 0 or more</source>
        <translation>№ прибытия — число от 0</translation>
    </message>
    <message>
        <source>following</source>
        <comment>the table shows the newest rows</comment>
        <translation>слежение</translation>
    </message>
    <message>
        <source>paused</source>
        <comment>the table stays where it is</comment>
        <translation>пауза</translation>
    </message>
    <message>
        <source>, %1 new below</source>
        <translation>, ниже ещё %1 новых</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>accepted</source>
        <comment>message status</comment>
        <translation>принято</translation>
    </message>
    <message>
        <source>late</source>
        <comment>message arrived after its place was given up</comment>
        <translation>опоздало</translation>
    </message>
    <message>
        <source>duplicate</source>
        <comment>message id already buffered or sent</comment>
        <translation>дубликат</translation>
    </message>
    <message>
        <source>malformed</source>
        <comment>frame is not a valid message</comment>
        <translation>некорректно</translation>
    </message>
    <message>
        <source>malformed: %1</source>
        <translation>некорректно: %1</translation>
    </message>
    <message>
        <source>Arrived after its place in the output was given up: not forwarded.</source>
        <translation>Пришло после того, как его место в выводе было пропущено: не пересылается.</translation>
    </message>
    <message>
        <source>Its id was already buffered or sent: not forwarded.</source>
        <translation>Такой id уже в буфере или отправлен: не пересылается.</translation>
    </message>
    <message>
        <source>Order in which the frame arrived, from 0</source>
        <translation>Порядковый номер прибытия кадра, с 0</translation>
    </message>
    <message>
        <source>Position in the ordered output, from 0</source>
        <translation>Позиция в упорядоченном выводе, с 0</translation>
    </message>
    <message>
        <source>Arrival index minus output index, over sent messages: positive means it arrived late, negative early</source>
        <translation>Номер прибытия минус номер в выводе (по отправленным сообщениям): положительное — пришло позже, отрицательное — раньше</translation>
    </message>
    <message>
        <source>Time the message waited in the reorder buffer</source>
        <translation>Время ожидания сообщения в буфере упорядочивания</translation>
    </message>
    <message>
        <source>Arrival #</source>
        <translation>№ прибытия</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Output #</source>
        <translation>№ вывода</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <source>Hold ms</source>
        <translation>Удержание, мс</translation>
    </message>
    <message>
        <source>Raw frame</source>
        <translation>Исходный кадр</translation>
    </message>
    <message numerus="yes">
        <source>late, %n id(s) behind</source>
        <translation>
            <numerusform>опоздало на %n id</numerusform>
            <numerusform>опоздало на %n id</numerusform>
            <numerusform>опоздало на %n id</numerusform>
        </translation>
    </message>
    <message>
        <source>id %1, distance %2</source>
        <translation>id %1, отклонение %2</translation>
    </message>
    <message>
        <source>id %1, %2</source>
        <translation>id %1, %2</translation>
    </message>
    <message>
        <source>arrival #%1: %2</source>
        <translation>прибытие №%1: %2</translation>
    </message>
    <message>
        <source>dropped</source>
        <comment>message dropped: the sink was too far behind</comment>
        <translation>отброшено</translation>
    </message>
    <message>
        <source>The sink was over its memory budget and this feed cannot wait: dropped, not forwarded.</source>
        <translation>Приёмник превысил бюджет памяти, а этот поток не может ждать: отброшено, не переслано.</translation>
    </message>
</context>
<context>
    <name>OrderedSink</name>
    <message>
        <source>closed by the sink with code %1</source>
        <translation>закрыто приёмником с кодом %1</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>соединение потеряно</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>не удаётся подключиться к %1: %2</translation>
    </message>
    <message>
        <source>the sink %1 dropped and could not be reconnected: %2</source>
        <translation>приёмник %1 оборвался, переподключиться не удалось: %2</translation>
    </message>
    <message>
        <source>the sink confirmed nothing for %1 s (--drain-timeout): %2 of %3 frames were not confirmed</source>
        <translation>приёмник ничего не подтвердил за %1 с (--drain-timeout): не подтверждено %2 из %3 кадров</translation>
    </message>
    <message>
        <source>closed by the sink with code %1 (%2)</source>
        <translation>закрыто приёмником с кодом %1 (%2)</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>it was not opened</source>
        <translation>он не был открыт</translation>
    </message>
</context>
<context>
    <name>OverlayHistogram</name>
    <message>
        <source>Histogram of |distance|, both runs</source>
        <translation>Гистограмма |отклонения|, оба прогона</translation>
    </message>
    <message>
        <source>|distance|, from</source>
        <translation>|отклонение|, от</translation>
    </message>
    <message>
        <source>share of messages sent (%)</source>
        <translation>доля отправленных сообщений (%)</translation>
    </message>
</context>
<context>
    <name>OverlayRateChart</name>
    <message>
        <source>Messages per second, both runs</source>
        <translation>Сообщений в секунду, оба прогона</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>секунды от начала</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>сообщ./с</translation>
    </message>
    <message>
        <source>in</source>
        <translation>вход</translation>
    </message>
    <message>
        <source>out (sent)</source>
        <translation>выход (отправлено)</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опоздавшие</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>дубликаты</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>некорректные</translation>
    </message>
    <message>
        <source>&amp;Rate of:</source>
        <translation>&amp;Скорость чего:</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>Messages per second</source>
        <translation>Сообщений в секунду</translation>
    </message>
    <message>
        <source>in</source>
        <translation>вход</translation>
    </message>
    <message>
        <source>out (sent)</source>
        <translation>выход (отправлено)</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опоздавшие</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>дубликаты</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>некорректные</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>секунды от начала</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>сообщ./с</translation>
    </message>
</context>
<context>
    <name>RedisAddress</name>
    <message>
        <source>the Redis URL is empty</source>
        <translation>URL Redis пуст</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>«%1» не является корректным URL: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: rediss:// (TLS) is not supported; use redis://</source>
        <translation>«%1»: rediss:// (TLS) не поддерживается; используйте redis://</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with redis://</source>
        <translation>«%1» должен начинаться с redis://</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host</source>
        <translation>в «%1» нет хоста</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an invalid port</source>
        <translation>в «%1» неверный порт</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a Redis URL takes no ?query or #fragment</source>
        <translation>«%1»: URL Redis не может содержать ?запрос или #фрагмент</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the path must be a database number, not &quot;%2&quot;</source>
        <translation>«%1»: путь должен быть номером базы данных, а не «%2»</translation>
    </message>
</context>
<context>
    <name>RedisBridge</name>
    <message>
        <source>stream %1</source>
        <translation>поток %1</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>канал %1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>не удаётся слушать %1:%2: %3</translation>
    </message>
    <message>
        <source>serving %1 from %2 %3</source>
        <translation>раздача %1 из %2 %3</translation>
    </message>
    <message>
        <source>the bridge is shutting down</source>
        <translation>мост завершает работу</translation>
    </message>
    <message>
        <source>unknown path %1: use %2</source>
        <translation>неизвестный путь %1: используйте %2</translation>
    </message>
    <message>
        <source>consumer %1:%2 is more than %3 MiB behind: disconnected (a channel cannot wait)</source>
        <translation>потребитель %1:%2 отстал больше чем на %3 МиБ: отключён (канал не может ждать)</translation>
    </message>
    <message>
        <source>resubscribed to channel %1; what was published while Redis was away is lost</source>
        <translation>повторная подписка на канал %1; опубликованное, пока Redis был недоступен, потеряно</translation>
    </message>
    <message>
        <source>subscribed to channel %1</source>
        <translation>подписка на канал %1</translation>
    </message>
    <message>
        <source>cannot reach Redis at %1 (%2); retrying with backoff</source>
        <translation>Redis по адресу %1 недоступен (%2); повтор с задержкой</translation>
    </message>
    <message>
        <source>Redis connection lost (%1); consumers kept: %2; reconnecting with backoff</source>
        <translation>соединение с Redis потеряно (%1); потребители сохранены: %2; переподключение с задержкой</translation>
    </message>
    <message>
        <source>; what is published meanwhile is lost (pub/sub keeps nothing)</source>
        <translation>; опубликованное за это время теряется (pub/sub ничего не хранит)</translation>
    </message>
    <message>
        <source>Redis still unreachable (%1), attempt %2</source>
        <translation>Redis всё ещё недоступен (%1), попытка %2</translation>
    </message>
    <message>
        <source>consumers %1, %2 messages/s, forwarded %3, Redis %4</source>
        <translation>потребителей %1, %2 сообщ./с, переслано %3, Redis %4</translation>
    </message>
    <message>
        <source>up</source>
        <translation>доступен</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>НЕДОСТУПЕН</translation>
    </message>
    <message>
        <source>, %1 published with no consumer connected (lost)</source>
        <translation>, %1 опубликовано без подключённых потребителей (потеряно)</translation>
    </message>
    <message>
        <source>, %1 slow consumers disconnected</source>
        <translation>, отключено медленных потребителей: %1</translation>
    </message>
    <message>
        <source>, acknowledging what its sink confirmed (%1)</source>
        <translation>, подтверждает то, что подтвердил его приёмник (%1)</translation>
    </message>
    <message>
        <source>, plain: a pong confirms only that it read the frames</source>
        <translation>, простой: pong подтверждает лишь то, что кадры прочитаны</translation>
    </message>
    <message>
        <source>consumer connected from %1:%2%3 (consumers: %4)</source>
        <translation>потребитель подключился с %1:%2%3 (потребителей: %4)</translation>
    </message>
    <message>
        <source>consumer %1:%2 left after %3 frames</source>
        <translation>потребитель %1:%2 ушёл после %3 кадров</translation>
    </message>
    <message>
        <source>, %1 of them acknowledged</source>
        <translation>, из них подтверждено %1</translation>
    </message>
    <message>
        <source> (consumers: %1)</source>
        <translation> (потребителей: %1)</translation>
    </message>
    <message>
        <source>no consumer left: %1 entries sent and not acknowledged will be sent again to the next consumer</source>
        <translation>потребителей не осталось: %1 отправленных и не подтверждённых записей будут отправлены следующему потребителю</translation>
    </message>
    <message>
        <source>consumer %1:%2 sent something that is not an acknowledgement of the %3 frames it was sent: %4</source>
        <translation>потребитель %1:%2 прислал то, что не является подтверждением %3 отправленных ему кадров: %4</translation>
    </message>
    <message>
        <source>Redis is back: reading stream %1 again</source>
        <translation>Redis снова доступен: стрим %1 читается заново</translation>
    </message>
    <message>
        <source>, acknowledged %1, awaiting acknowledgement %2</source>
        <translation>, подтверждено %1, ожидает подтверждения %2</translation>
    </message>
    <message>
        <source>stopped; %1 entries acknowledged to group %2; what was not acknowledged stays pending with consumer %3 for the next bridge of the group</source>
        <translation>остановлен; подтверждено записей группе %2: %1; неподтверждённое остаётся ожидающим у потребителя %3 для следующего моста группы</translation>
    </message>
</context>
<context>
    <name>RedisConnection</name>
    <message>
        <source>out of memory</source>
        <translation>недостаточно памяти</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>сервер закрыл соединение</translation>
    </message>
    <message>
        <source>%1 wants a password: give it in the URL (redis://:PASSWORD@HOST:PORT) or in REDIS_PASSWORD</source>
        <translation>%1 требует пароль: укажите его в URL (redis://:ПАРОЛЬ@ХОСТ:ПОРТ) или в REDIS_PASSWORD</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 отклонил соединение: %2</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>нет ответа в течение %1 с</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>не удаётся подключиться к %1: %2</translation>
    </message>
    <message>
        <source>lost %1 and could not reconnect: %2</source>
        <translation>соединение с %1 потеряно, переподключиться не удалось: %2</translation>
    </message>
</context>
<context>
    <name>RedisFeedConfig</name>
    <message>
        <source>give a Redis channel or a stream key, not both and not neither</source>
        <translation>укажите канал Redis или ключ потока — что-то одно</translation>
    </message>
    <message>
        <source>%1 stream %2 from %3</source>
        <translation>%1 поток %2 с %3</translation>
    </message>
    <message>
        <source>%1 channel %2</source>
        <translation>%1 канал %2</translation>
    </message>
</context>
<context>
    <name>RedisSource</name>
    <message>
        <source>cannot read the stream %1: %2</source>
        <translation>не удаётся прочитать поток %1: %2</translation>
    </message>
</context>
<context>
    <name>RedisStreamId</name>
    <message>
        <source>&quot;%1&quot; is not a stream entry id: use 0, $ or MS-SEQ such as 1700000000000-0</source>
        <translation>«%1» не является id записи потока: используйте 0, $ или MS-SEQ, например 1700000000000-0</translation>
    </message>
</context>
<context>
    <name>ReplaySession</name>
    <message>
        <source>replay: %1 frames sent, complete</source>
        <translation>воспроизведение: отправлено кадров: %1, завершено</translation>
    </message>
    <message>
        <source>replay: %1 frames sent, then: %2</source>
        <translation>воспроизведение: отправлено кадров: %1, затем: %2</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Validation</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation>Упорядочено:</translation>
    </message>
    <message>
        <source>Inversions:</source>
        <translation>Инверсии:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Получено:</translation>
    </message>
    <message>
        <source>Accepted:</source>
        <translation>Принято:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Отправлено:</translation>
    </message>
    <message>
        <source>Confirmed by sink:</source>
        <translation>Подтверждено приёмником:</translation>
    </message>
    <message>
        <source>Late:</source>
        <translation>Опоздавших:</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>Дубликатов:</translation>
    </message>
    <message>
        <source>Missing ids (gaps):</source>
        <translation>Пропущено id (разрывы):</translation>
    </message>
    <message>
        <source>Malformed:</source>
        <translation>Некорректных:</translation>
    </message>
    <message>
        <source>Max distance:</source>
        <translation>Макс. отклонение:</translation>
    </message>
    <message>
        <source>Recommended window:</source>
        <translation>Рекомендуемое окно:</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>Подключение:</translation>
    </message>
    <message>
        <source>Receive:</source>
        <translation>Приём:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Упорядочивание:</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>Отправка:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Всего:</translation>
    </message>
    <message>
        <source>Throughput:</source>
        <translation>Скорость:</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Прогонов ещё не было</translation>
    </message>
    <message>
        <source>Set up a run and press Start.</source>
        <translation>Настройте прогон и нажмите «Старт».</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>ИДЁТ ПРОГОН</translation>
    </message>
    <message>
        <source>not forwarding</source>
        <translation>без пересылки</translation>
    </message>
    <message>
        <source>%1 in %2 gaps</source>
        <translation>%1 в %2 разрывах</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 msg/s now</source>
        <translation>%1 сообщ./с сейчас</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 сообщ./с</translation>
    </message>
    <message>
        <source>Feed drops:</source>
        <translation>Обрывы потока:</translation>
    </message>
    <message>
        <source>Sink drops:</source>
        <translation>Обрывы приёмника:</translation>
    </message>
    <message>
        <source>Re-sent to sink:</source>
        <translation>Отправлено повторно:</translation>
    </message>
    <message>
        <source>Feed held back:</source>
        <translation>Поток придержан:</translation>
    </message>
    <message>
        <source>%1 (down %2 s)</source>
        <translation>%1 (простой %2 с)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>Hold p50 / p99:</source>
        <translation>Удержание p50 / p99:</translation>
    </message>
    <message>
        <source>Hold min / max:</source>
        <translation>Удержание мин. / макс.:</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Примечание: %1</translation>
    </message>
    <message>
        <source>The verdict follows when the run ends.</source>
        <translation>Вердикт будет после окончания прогона.</translation>
    </message>
    <message>
        <source>%1 (W = %2 is too small)</source>
        <translation>%1 (W = %2 мало)</translation>
    </message>
    <message>
        <source>%1×, for a slow sink</source>
        <translation>%1×, из-за медленного приёмника</translation>
    </message>
    <message>
        <source>HOLDING</source>
        <translation>УДЕРЖАНИЕ</translation>
    </message>
    <message>
        <source>%1 messages held — press Flush to send them sorted</source>
        <translation>удерживается сообщений: %1 — нажмите «Выгрузить», чтобы отправить их по порядку</translation>
    </message>
    <message>
        <source>Flushing: the verdict follows when the run ends.</source>
        <translation>Выгрузка: вердикт будет после окончания прогона.</translation>
    </message>
    <message>
        <source>%1 messages sent in order, every one confirmed</source>
        <translation>отправлено по порядку сообщений: %1, все подтверждены</translation>
    </message>
    <message>
        <source>%1 messages lost (late): W = %2 was too small, W = %3 would have kept them</source>
        <translation>потеряно опоздавших сообщений: %1 — окно W = %2 мало, W = %3 сохранило бы их</translation>
    </message>
    <message>
        <source>%1 messages lost (late)</source>
        <translation>потеряно опоздавших сообщений: %1</translation>
    </message>
    <message>
        <source>Sent in order, nothing dropped, but the feed itself was faulty:</source>
        <translation>Отправлено по порядку, ничего не отброшено, но сам поток был с ошибками:</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 мс</translation>
    </message>
</context>
<context>
    <name>RunConfig</name>
    <message>
        <source>auto (at most %1)</source>
        <translation>авто (не больше %1)</translation>
    </message>
</context>
<context>
    <name>RunCsvWriter</name>
    <message>
        <source>%1 was not open</source>
        <translation>%1 не был открыт</translation>
    </message>
</context>
<context>
    <name>RunEndpoints</name>
    <message>
        <source>Redis: %1</source>
        <translation>Redis: %1</translation>
    </message>
    <message>
        <source>WS_URL: %1</source>
        <translation>WS_URL: %1</translation>
    </message>
    <message>
        <source>SEND_URL: %1</source>
        <translation>SEND_URL: %1</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>run %1</source>
        <translation>прогон %1</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>не удаётся создать папку для %1</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed: the history needs it</source>
        <translation>драйвер SQLite для Qt (QSQLITE) не установлен, а истории он нужен</translation>
    </message>
    <message>
        <source>cannot open the history %1: %2</source>
        <translation>не удаётся открыть историю %1: %2</translation>
    </message>
    <message>
        <source>cannot use a write-ahead log: %1</source>
        <translation>не удаётся включить журнал упреждающей записи (WAL): %1</translation>
    </message>
    <message>
        <source>there is no run %1</source>
        <translation>прогона %1 нет</translation>
    </message>
    <message>
        <source>run %1 is still going on</source>
        <translation>прогон %1 ещё идёт</translation>
    </message>
</context>
<context>
    <name>RunHistoryModel</name>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>W</source>
        <comment>reorder window</comment>
        <translation>W</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздавших</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликатов</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Некорректных</translation>
    </message>
    <message>
        <source>Missing ids</source>
        <translation>Пропущено id</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Вердикт</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Всего, мс</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>сообщ./с</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <comment>a run of the history that has not ended</comment>
        <translation>ИДЁТ</translation>
    </message>
    <message>
        <source>INTERRUPTED</source>
        <comment>a run cut off by a crash or a kill before it ended</comment>
        <translation>ПРЕРВАН</translation>
    </message>
    <message>
        <source>The program ended before the run did (it crashed or was killed)</source>
        <translation>Программа завершилась раньше прогона (упала или была убита)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
</context>
<context>
    <name>RunKeeper</name>
    <message>
        <source>Cannot create a folder for the runs&apos; CSV files: %1</source>
        <translation>Не удаётся создать папку для CSV-файлов прогонов: %1</translation>
    </message>
    <message>
        <source>This run is not kept in the history: %1</source>
        <translation>Этот прогон не сохраняется в истории: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: the run&apos;s CSV and capture are not kept</source>
        <translation>Не удаётся создать папку %1: CSV и запись прогона не сохраняются</translation>
    </message>
    <message>
        <source>The run could not be kept in the history: %1</source>
        <translation>Прогон не удалось сохранить в истории: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n older runs were deleted with their files (the history&apos;s limit).</source>
        <translation>
            <numerusform>%n старый прогон удалён вместе с файлами (предел истории).</numerusform>
            <numerusform>%n старых прогона удалены вместе с файлами (предел истории).</numerusform>
            <numerusform>%n старых прогонов удалены вместе с файлами (предел истории).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>PASS: the output is ordered and complete</source>
        <translation>УСПЕХ: вывод упорядочен и полон</translation>
    </message>
    <message>
        <source>FAIL: %1</source>
        <translation>ПРОВАЛ: %1</translation>
    </message>
    <message>
        <source>received %1, accepted %2, malformed %3, duplicates %4, late %5, sent %6</source>
        <translation>получено %1, принято %2, некорректных %3, дубликатов %4, опоздавших %5, отправлено %6</translation>
    </message>
    <message>
        <source>ordered: %1, inversions %2, missing ids %3 in %4 gaps, max distance %5</source>
        <translation>упорядочено: %1, инверсий %2, пропущено id %3 в %4 разрывах, макс. отклонение %5</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>window %1 (%2), recommended window %3%4</source>
        <translation>окно %1 (%2), рекомендуемое окно %3%4</translation>
    </message>
    <message>
        <source> - the window was too small</source>
        <translation> — окно было слишком мало</translation>
    </message>
    <message>
        <source>timing: connect %1 ms, receive %2 ms, order %3 ms, send %4 ms, total %5 ms</source>
        <translation>время: подключение %1 мс, приём %2 мс, упорядочивание %3 мс, отправка %4 мс, всего %5 мс</translation>
    </message>
    <message>
        <source>throughput %1 messages/s; hold ms min %2, p50 %3, p99 %4, max %5</source>
        <translation>пропускная способность %1 сообщ./с; ожидание, мс: мин %2, p50 %3, p99 %4, макс %5</translation>
    </message>
    <message>
        <source>forwarded %1 to %2, confirmed %3, re-sent %4</source>
        <translation>переслано %1 в %2, подтверждено %3, отправлено повторно %4</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>примечание: %1</translation>
    </message>
    <message>
        <source>connections: feed %1 drops, %2 reconnections (down %3 s); sink %4 drops, %5 reconnections (down %6 s)</source>
        <translation>соединения: поток — обрывов %1, переподключений %2 (простой %3 с); приёмник — обрывов %4, переподключений %5 (простой %6 с)</translation>
    </message>
    <message>
        <source>WARN: the output is ordered and nothing that arrived was dropped, but %1</source>
        <translation>ВНИМАНИЕ: вывод упорядочен и ничего из пришедшего не отброшено, но %1</translation>
    </message>
    <message>
        <source>window auto: from %1 to %2, %3 at the end, %4 changes (at most %5)</source>
        <translation>окно авто: от %1 до %2, в конце %3, изменений %4 (не больше %5)</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>what if: W = %1 is the smallest window without late messages</source>
        <translation>что если: W = %1 — наименьшее окно без опоздавших сообщений</translation>
    </message>
    <message>
        <source>; W = %1 loses at most %2 % as late</source>
        <translation>; W = %1 теряет как опоздавшие не больше %2 %</translation>
    </message>
    <message>
        <source>; this run&apos;s setting: %1 late, hold p99 %2 ms</source>
        <translation>; настройка этого прогона: опоздавших %1, удержание p99 %2 мс</translation>
    </message>
    <message>
        <source>what if: only the first %1 messages were kept for it</source>
        <translation>что если: для неё сохранены только первые %1 сообщений</translation>
    </message>
</context>
<context>
    <name>RunSetupPanel</name>
    <message>
        <source>Built-in simulator</source>
        <translation>Встроенный симулятор</translation>
    </message>
    <message>
        <source>WebSocket URL (WS_URL)</source>
        <translation>WebSocket URL (WS_URL)</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>максимально быстро</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> сообщ./с</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Faults:</source>
        <translation>Сбои:</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Built-in simulator&apos;s sink</source>
        <translation>Приёмник встроенного симулятора</translation>
    </message>
    <message>
        <source>SEND_URL</source>
        <translation>SEND_URL</translation>
    </message>
    <message>
        <source>Do not forward (validate only)</source>
        <translation>Не пересылать (только проверка)</translation>
    </message>
    <message>
        <source>Accept untrusted certificates (insecure)</source>
        <translation>Принимать недоверенные сертификаты (небезопасно)</translation>
    </message>
    <message>
        <source>Ordered output</source>
        <translation>Упорядоченный вывод</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>until the feed closes</source>
        <translation>пока поток не закроется</translation>
    </message>
    <message>
        <source>Reordering</source>
        <translation>Упорядочивание</translation>
    </message>
    <message>
        <source>WS_URL: %1</source>
        <translation>WS_URL: %1</translation>
    </message>
    <message>
        <source>SEND_URL: %1</source>
        <translation>SEND_URL: %1</translation>
    </message>
    <message>
        <source>Start id: &quot;%1&quot; is not a 64-bit integer</source>
        <translation>Начальный id: «%1» не является 64-битным целым</translation>
    </message>
    <message>
        <source>Redis channel or stream</source>
        <translation>Канал или стрим Redis</translation>
    </message>
    <message>
        <source>redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]; without a password in the URL, REDIS_PASSWORD is used</source>
        <translation>redis://[[ПОЛЬЗОВАТЕЛЬ]:ПАРОЛЬ@]ХОСТ[:ПОРТ][/БД]; если пароля в URL нет, используется REDIS_PASSWORD</translation>
    </message>
    <message>
        <source>pub/sub channel</source>
        <translation>канал pub/sub</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>стрим</translation>
    </message>
    <message>
        <source>0: the whole stream; $: only new entries; or an entry id to start after</source>
        <translation>0: весь поток; $: только новые записи; или id записи, после которой начать</translation>
    </message>
    <message>
        <source>Redis: %1</source>
        <translation>Redis: %1</translation>
    </message>
    <message>
        <source>The feed vanishes (no close frame) this many times, evenly spread; it resumes where it stopped and repeats its last frames, which must count as duplicates</source>
        <translation>Поток исчезает (без кадра закрытия) столько раз, равномерно по прогону; он продолжает с места остановки и повторяет последние кадры, которые должны считаться дубликатами</translation>
    </message>
    <message>
        <source>The built-in sink vanishes this many times mid-send; unconfirmed frames must be sent again</source>
        <translation>Встроенный приёмник исчезает столько раз посреди отправки; неподтверждённые кадры должны быть отправлены снова</translation>
    </message>
    <message>
        <source>feed</source>
        <translation>поток</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>приёмник</translation>
    </message>
    <message>
        <source>Drops:</source>
        <translation>Обрывы:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>A dropped feed or sink is reconnected up to this many times in a row, with exponential backoff</source>
        <translation>Оборвавшийся поток или приёмник переподключается до стольких раз подряд, с экспоненциальной задержкой</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>End the run when nothing moved for this long: no frame from the feed and no confirmation from the sink</source>
        <translation>Завершить прогон, если столько времени ничего не происходило: ни кадра от потока, ни подтверждения от приёмника</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> КиБ</translation>
    </message>
    <message>
        <source>Larger frames are malformed: counted and shown, not forwarded</source>
        <translation>Кадры большего размера некорректны: они считаются и показываются, но не пересылаются</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> МиБ</translation>
    </message>
    <message>
        <source>Batch mode stops reading the feed past this much memory held and sends what it holds; stream mode needs only the window</source>
        <translation>Пакетный режим прекращает чтение потока, когда удерживаемая память превысит этот объём, и отправляет удержанное; потоковому режиму нужно только окно</translation>
    </message>
    <message>
        <source>Connections and limits</source>
        <translation>Соединения и пределы</translation>
    </message>
    <message>
        <source>Feed parameters from the command line that have no field here; they apply to the run</source>
        <translation>Параметры потока из командной строки, для которых здесь нет поля; они действуют в прогоне</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>Также: %1</translation>
    </message>
    <message>
        <source>How many messages the simulated feed sends before it closes</source>
        <translation>Сколько сообщений смоделированный поток отправит, прежде чем закрыться</translation>
    </message>
    <message>
        <source>Each message arrives at most this many places from its sorted place; a window W above it loses nothing</source>
        <translation>Каждое сообщение приходит не дальше этого числа позиций от своего места по порядку; окно W больше этого ничего не теряет</translation>
    </message>
    <message>
        <source>Messages per second the feed sends (as fast as possible: no limit)</source>
        <translation>Сколько сообщений в секунду отправляет поток («как можно быстрее» — без ограничения)</translation>
    </message>
    <message>
        <source>Each message is held back a random 0 to this many milliseconds: disorder in time, as on a real network</source>
        <translation>Каждое сообщение задерживается на случайное время от 0 до этого числа миллисекунд — беспорядок во времени, как в реальной сети</translation>
    </message>
    <message>
        <source>Share of messages sent twice (the copy must count as a duplicate)</source>
        <translation>Доля сообщений, отправляемых дважды (копия должна учитываться как дубликат)</translation>
    </message>
    <message>
        <source>Share of ids the feed skips (they show as missing ids)</source>
        <translation>Доля id, которые поток пропускает (они видны как пропущенные id)</translation>
    </message>
    <message>
        <source>Share of frames that are not valid messages (counted as malformed)</source>
        <translation>Доля кадров, не являющихся корректными сообщениями (учитываются как некорректные)</translation>
    </message>
    <message>
        <source>The same seed gives the same feed, message for message: a run can be repeated exactly</source>
        <translation>Одинаковое начальное значение даёт тот же поток, сообщение в сообщение: прогон можно точно повторить</translation>
    </message>
    <message>
        <source>d&amp;isorder</source>
        <translation>бес&amp;порядок</translation>
    </message>
    <message>
        <source>&amp;Messages:</source>
        <translation>&amp;Сообщений:</translation>
    </message>
    <message>
        <source>dela&amp;y</source>
        <translation>за&amp;держка</translation>
    </message>
    <message>
        <source>Ra&amp;te:</source>
        <translation>Те&amp;мп:</translation>
    </message>
    <message>
        <source>d&amp;up</source>
        <translation>д&amp;убли</translation>
    </message>
    <message>
        <source>&amp;gap</source>
        <translation>п&amp;ропуски</translation>
    </message>
    <message>
        <source>&amp;junk</source>
        <translation>&amp;мусор</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Н&amp;ач. значение:</translation>
    </message>
    <message>
        <source>The feed to read: ws://HOST:PORT/PATH, or wss:// for TLS</source>
        <translation>Поток для чтения: ws://ХОСТ:ПОРТ/ПУТЬ или wss:// для TLS</translation>
    </message>
    <message>
        <source>WS_&amp;URL:</source>
        <translation>WS_&amp;URL:</translation>
    </message>
    <message>
        <source>A pub/sub channel loses what is published while nobody listens; a stream keeps it</source>
        <translation>Канал pub/sub теряет то, что опубликовано, пока никто не слушает; стрим это сохраняет</translation>
    </message>
    <message>
        <source>The channel&apos;s or the stream&apos;s name</source>
        <translation>Имя канала или стрима</translation>
    </message>
    <message>
        <source>Redis &amp;URL:</source>
        <translation>&amp;URL Redis:</translation>
    </message>
    <message>
        <source>Rea&amp;d:</source>
        <translation>&amp;Читать:</translation>
    </message>
    <message>
        <source>Stream &amp;from:</source>
        <translation>Стрим &amp;с:</translation>
    </message>
    <message>
        <source>Where the ordered messages go: ws://HOST:PORT/PATH, or wss:// for TLS</source>
        <translation>Куда идут упорядоченные сообщения: ws://ХОСТ:ПОРТ/ПУТЬ или wss:// для TLS</translation>
    </message>
    <message>
        <source>Where the ordered messages are forwarded, or nowhere (only validate)</source>
        <translation>Куда пересылать упорядоченные сообщения — или никуда (только проверка)</translation>
    </message>
    <message>
        <source>Where the messages come from: the built-in simulator, a WebSocket URL or Redis</source>
        <translation>Откуда приходят сообщения: встроенный симулятор, URL WebSocket или Redis</translation>
    </message>
    <message>
        <source>Accept certificate errors on wss:// URLs: the connection is then not authenticated</source>
        <translation>Пропускать ошибки сертификатов для wss://: подлинность соединения тогда не проверяется</translation>
    </message>
    <message>
        <source>stream</source>
        <comment>reorder mode: forward as soon as order allows</comment>
        <translation>потоковый</translation>
    </message>
    <message>
        <source>batch</source>
        <comment>reorder mode: hold everything, send sorted on Flush</comment>
        <translation>пакетный</translation>
    </message>
    <message>
        <source>Forward each message as soon as the order allows</source>
        <translation>Пересылать каждое сообщение, как только позволяет порядок</translation>
    </message>
    <message>
        <source>Hold the whole run and send it sorted when you press Flush</source>
        <translation>Удерживать весь прогон и отправить его по порядку по кнопке «Выгрузить»</translation>
    </message>
    <message>
        <source>Stream forwards each message as soon as the order allows; batch holds the whole run and sends it sorted on Flush</source>
        <translation>Потоковый режим пересылает каждое сообщение, как только позволяет порядок; пакетный удерживает весь прогон и отправляет его по порядку по кнопке «Выгрузить»</translation>
    </message>
    <message>
        <source>Stream mode: a message held this long is released, giving up the ids it waits for (off: wait as long as W allows)</source>
        <translation>Потоковый режим: сообщение, удерживаемое так долго, выпускается, а ожидаемые им id считаются пропущенными (выкл. — ждать, сколько позволяет W)</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>определится сам</translation>
    </message>
    <message>
        <source>The first id expected; empty: the smallest id of the first W messages</source>
        <translation>Первый ожидаемый id; пусто — наименьший id среди первых W сообщений</translation>
    </message>
    <message>
        <source>End the run after this many accepted messages (until the feed closes: no limit)</source>
        <translation>Завершить прогон после этого числа принятых сообщений («пока поток не закроется» — без ограничения)</translation>
    </message>
    <message>
        <source>Window &amp;W:</source>
        <translation>Окно &amp;W:</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>Р&amp;ежим:</translation>
    </message>
    <message>
        <source>Ma&amp;x hold:</source>
        <translation>Макс. &amp;ожидание:</translation>
    </message>
    <message>
        <source>&amp;Start id:</source>
        <translation>&amp;Начальный id:</translation>
    </message>
    <message>
        <source>Sto&amp;p after:</source>
        <translation>&amp;Остановить после:</translation>
    </message>
    <message>
        <source> times</source>
        <translation> раз</translation>
    </message>
    <message>
        <source>Past this many bytes the sink has not confirmed, the feed is paused (a Redis channel, which cannot pause, drops what arrives)</source>
        <translation>Когда неподтверждённых приёмником байт больше этого, поток приостанавливается (канал Redis, который нельзя приостановить, отбрасывает приходящее)</translation>
    </message>
    <message>
        <source>After the feed ends, give up waiting for the sink when it makes no progress for this long</source>
        <translation>После конца потока перестать ждать приёмник, если он столько времени не продвигается</translation>
    </message>
    <message>
        <source>The table keeps the newest this many messages (about 150 bytes each); the run&apos;s CSV keeps them all</source>
        <translation>Таблица хранит столько самых новых сообщений (около 150 байт каждое); CSV прогона хранит все</translation>
    </message>
    <message>
        <source>Re&amp;connect:</source>
        <translation>Пере&amp;подключение:</translation>
    </message>
    <message>
        <source>Id&amp;le timeout:</source>
        <translation>Простой &amp;до:</translation>
    </message>
    <message>
        <source>Dr&amp;ain timeout:</source>
        <translation>Доот&amp;правка до:</translation>
    </message>
    <message>
        <source>Frame &amp;limit:</source>
        <translation>&amp;Предел кадра:</translation>
    </message>
    <message>
        <source>Sin&amp;k backlog:</source>
        <translation>О&amp;чередь приёмника:</translation>
    </message>
    <message>
        <source>&amp;Batch memory:</source>
        <translation>Память &amp;пакета:</translation>
    </message>
    <message>
        <source>Table ro&amp;ws:</source>
        <translation>Строк в &amp;таблице:</translation>
    </message>
    <message>
        <source>port must be 1–65535 (not %1)</source>
        <translation>порт должен быть от 1 до 65535 (а не %1)</translation>
    </message>
    <message>
        <source>simulator: %1 messages, disorder %2</source>
        <translation>симулятор: %1 сообщений, беспорядок %2</translation>
    </message>
    <message>
        <source>%1 → %2 · W = %3, %4 mode</source>
        <translation>%1 → %2 · W = %3, режим: %4</translation>
    </message>
    <message>
        <source>A capture recorded by an earlier run (File &gt; Open capture..., or drop it on the window)</source>
        <translation>Запись, сделанная в одном из прошлых прогонов (Файл &gt; Открыть запись... или перетащите её в окно)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Обзор...</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Открыть запись</translation>
    </message>
    <message>
        <source>Captures (*.jsonl *.jsonl.gz *.gz);;All files (*)</source>
        <translation>Записи (*.jsonl *.jsonl.gz *.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>%1×</source>
        <comment>replay speed</comment>
        <translation>%1×</translation>
    </message>
    <message>
        <source>max</source>
        <comment>replay speed: as fast as the run takes it</comment>
        <translation>макс.</translation>
    </message>
    <message>
        <source>The recorded pace times this; max: as fast as the run takes the frames</source>
        <translation>Записанный темп, умноженный на это число; макс.: так быстро, как прогон принимает кадры</translation>
    </message>
    <message>
        <source>&amp;Capture:</source>
        <translation>&amp;Запись:</translation>
    </message>
    <message>
        <source>S&amp;peed:</source>
        <translation>С&amp;корость:</translation>
    </message>
    <message>
        <source>Recorded capture (replay)</source>
        <translation>Сделанная запись (воспроизведение)</translation>
    </message>
    <message>
        <source>Capture: choose the capture to replay</source>
        <translation>Запись: выберите запись для воспроизведения</translation>
    </message>
    <message>
        <source>Capture: &quot;%1&quot; is not a file</source>
        <translation>Запись: «%1» — не файл</translation>
    </message>
    <message>
        <source>replay of %1 at %2</source>
        <translation>воспроизведение %1 на %2</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>The most messages held while a missing id is awaited; a message further out of order than W is lost as late. Auto (below 1, or type auto): W follows the feed&apos;s disorder, in stream mode</source>
        <translation>Сколько сообщений держать, пока ждём пропущенный id; сообщение, ушедшее дальше W, теряется как опоздавшее. Авто (ниже 1 или введите auto): W следует за беспорядком потока, в потоковом режиме</translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <source>Feed: idle</source>
        <translation>Поток: ожидание</translation>
    </message>
    <message>
        <source>Sink: idle</source>
        <translation>Приёмник: ожидание</translation>
    </message>
    <message>
        <source>Feed: connecting</source>
        <translation>Поток: подключение</translation>
    </message>
    <message>
        <source>Feed: ended</source>
        <translation>Поток: закончен</translation>
    </message>
    <message>
        <source>Feed: closed</source>
        <translation>Поток: закрыт</translation>
    </message>
    <message>
        <source>Sink: closed</source>
        <translation>Приёмник: закрыт</translation>
    </message>
    <message>
        <source>Feed: connected</source>
        <translation>Поток: подключён</translation>
    </message>
    <message>
        <source>Feed: reconnecting</source>
        <translation>Поток: переподключение</translation>
    </message>
    <message>
        <source>Sink: not forwarding</source>
        <translation>Приёмник: без пересылки</translation>
    </message>
    <message>
        <source>Sink: connected</source>
        <translation>Приёмник: подключён</translation>
    </message>
    <message>
        <source>Sink: connecting</source>
        <translation>Приёмник: подключение</translation>
    </message>
    <message>
        <source>INSECURE</source>
        <translation>НЕБЕЗОПАСНО</translation>
    </message>
    <message>
        <source>Certificates are not checked: the connections are not authenticated</source>
        <translation>Сертификаты не проверяются: подлинность соединений не подтверждена</translation>
    </message>
    <message>
        <source>Feed: ended, held</source>
        <translation>Поток: конец, удержание</translation>
    </message>
    <message>
        <source>Sink: waits for Flush</source>
        <translation>Приёмник: ждёт выгрузки</translation>
    </message>
    <message>
        <source>%1 in, %2 out msg/s</source>
        <translation>%1 вх., %2 вых./с</translation>
    </message>
    <message>
        <source>Messages per second received from the feed and sent to the sink</source>
        <translation>Сообщений в секунду: получено из потока и отправлено в приёмник</translation>
    </message>
    <message>
        <source>– in, – out msg/s</source>
        <translation>– вх., – вых./с</translation>
    </message>
    <message>
        <source>%p% (stopped)</source>
        <translation>%p% (остановлен)</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%1 из %2 сообщений</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
</context>
<context>
    <name>RunVerdict</name>
    <message>
        <source>nothing arrived from the feed before the run was stopped</source>
        <translation>из потока ничего не пришло до остановки прогона</translation>
    </message>
    <message>
        <source>nothing arrived from the feed within the idle timeout (%1 s)</source>
        <translation>из потока ничего не пришло за время простоя (%1 с)</translation>
    </message>
    <message>
        <source>nothing arrived: the feed closed at once</source>
        <translation>ничего не пришло: поток сразу закрылся</translation>
    </message>
    <message>
        <source>nothing arrived from the feed</source>
        <translation>из потока ничего не пришло</translation>
    </message>
    <message>
        <source>the ids sent are not strictly increasing: %1 inversions, %2 repeated ids</source>
        <translation>отправленные id не строго возрастают: инверсий — %1, повторов id — %2</translation>
    </message>
    <message>
        <source>%1 messages arrived after their place was given up and were dropped: the window W = %2 was too small; W = %3 would have kept them</source>
        <translation>сообщений пришло после отказа от их места и отброшено: %1 — окно W = %2 мало; W = %3 сохранило бы их</translation>
    </message>
    <message>
        <source>%1 messages arrived after max-hold (%2 ms) had given up their place and were dropped: raise --max-hold or turn it off</source>
        <translation>сообщений пришло после того, как max-hold (%2 мс) отказался от их места, и отброшено: %1 — увеличьте --max-hold или отключите его</translation>
    </message>
    <message>
        <source>%1 messages arrived after their place was given up and were dropped</source>
        <translation>сообщений пришло после отказа от их места и отброшено: %1</translation>
    </message>
    <message>
        <source>batch mode reached its memory cap of %1 MiB after %2 messages and stopped reading the feed; use stream mode (--mode stream), which needs memory only for the window, or raise --batch-memory-mb</source>
        <translation>пакетный режим достиг предела памяти %1 МиБ после %2 сообщений и перестал читать поток; используйте потоковый режим (--mode stream), которому память нужна только для окна, или увеличьте --batch-memory-mb</translation>
    </message>
    <message>
        <source>only %1 of %2 released messages were written to the sink</source>
        <translation>в приёмник записано только %1 из %2 выпущенных сообщений</translation>
    </message>
    <message>
        <source>the sink confirmed only %1 of %2 frames: %3 may never have arrived</source>
        <translation>приёмник подтвердил только %1 из %2 кадров: %3 могли не дойти</translation>
    </message>
    <message>
        <source>sent (%1) is not accepted - late - duplicates (%2)</source>
        <translation>отправлено (%1) не равно «принято − опоздавшие − дубликаты» (%2)</translation>
    </message>
    <message>
        <source>validated %1 ids but %2 were sent</source>
        <translation>проверено %1 id, а отправлено %2</translation>
    </message>
    <message>
        <source>%1 ids never arrived (%2 gaps in the ids)</source>
        <translation>так и не пришло id: %1 (пропусков в id: %2)</translation>
    </message>
    <message>
        <source>%1 duplicate messages were not forwarded (their id had arrived before)</source>
        <translation>не переслано дубликатов: %1 (их id уже приходил)</translation>
    </message>
    <message>
        <source>%1 malformed frames were not forwarded</source>
        <translation>не переслано некорректных кадров: %1</translation>
    </message>
    <message>
        <source>the feed ended after %1 of %2 messages</source>
        <translation>поток закончился после %1 из %2 сообщений</translation>
    </message>
    <message>
        <source>nothing moved for %1 s (no frame from the feed, no confirmation from the sink): the run was ended (--idle-timeout)</source>
        <translation>%1 с ничего не происходило (ни кадра из потока, ни подтверждения от приёмника): прогон завершён (--idle-timeout)</translation>
    </message>
    <message>
        <source>the run was stopped by the operator</source>
        <translation>прогон остановлен оператором</translation>
    </message>
    <message>
        <source>INSECURE: certificate checks were off (--insecure)</source>
        <translation>НЕБЕЗОПАСНО: проверка сертификатов была отключена (--insecure)</translation>
    </message>
    <message>
        <source>INSECURE: certificate checks were off (--insecure) and these errors were ignored: %1; the connection was not authenticated</source>
        <translation>НЕБЕЗОПАСНО: проверка сертификатов была отключена (--insecure) и пропущены ошибки: %1; подлинность соединения не подтверждена</translation>
    </message>
    <message>
        <source>%1 frames were sent again after the sink reconnected: the sink may have received them twice (delivery is at least once)</source>
        <translation>кадров отправлено повторно после переподключения приёмника: %1 — приёмник мог получить их дважды (доставка «хотя бы раз»)</translation>
    </message>
    <message>
        <source>%1 frames left the replay queue before the sink confirmed them; a drop at that moment could have lost them</source>
        <translation>кадров покинуло очередь повтора до подтверждения приёмником: %1 — обрыв в этот момент мог их потерять</translation>
    </message>
    <message>
        <source>too many gaps to track exactly; the oldest were summarised</source>
        <translation>слишком много пропусков для точного учёта; самые старые сведены в итог</translation>
    </message>
    <message>
        <source>%1 messages were dropped: the sink fell %2 MiB behind a feed that cannot wait; give the sink more speed, raise --max-backlog, or end the run instead (--on-overflow end)</source>
        <translation>отброшено сообщений: %1 — приёмник отстал на %2 МиБ от потока, который не может ждать; ускорьте приёмник, увеличьте --max-backlog или завершайте прогон (--on-overflow end)</translation>
    </message>
    <message>
        <source>the run was ended when the sink fell %1 MiB behind a feed that cannot wait (--on-overflow end)</source>
        <translation>прогон завершён, когда приёмник отстал на %1 МиБ от потока, который не может ждать (--on-overflow end)</translation>
    </message>
    <message>
        <source>%1 messages arrived after their place was given up and were dropped: the adaptive window may grow to %2 only; W = %3 would have kept them</source>
        <translation>%1 сообщений пришли, когда от их места уже отказались, и отброшены: адаптивное окно может вырасти только до %2; W = %3 сохранило бы их</translation>
    </message>
    <message>
        <source>%1 messages arrived after their place was given up and were dropped: the adaptive window grew after they were needed; a fixed W = %2 would have kept them</source>
        <translation>%1 сообщений пришли, когда от их места уже отказались, и отброшены: адаптивное окно выросло уже после них; постоянное W = %2 сохранило бы их</translation>
    </message>
</context>
<context>
    <name>RunWatch</name>
    <message>
        <source>the feed resubscribed; what was published meanwhile is lost and shows as missing ids</source>
        <translation>поток переподписался; опубликованное за это время потеряно и видно как пропущенные id</translation>
    </message>
    <message>
        <source>nothing moved for %1 s (no frame from the feed, no confirmation from the sink): ending the run</source>
        <translation>%1 с ничего не происходило (ни кадра из потока, ни подтверждения от приёмника): прогон завершается</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> MiB</source>
        <translation> МиБ</translation>
    </message>
    <message>
        <source>%1 in 1 run (database %2, files %3)</source>
        <translation>%1 в 1 прогоне (база данных %2, файлы %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n runs (database %2, files %3)</source>
        <translation>
            <numerusform>%1 в %n прогоне (база данных %2, файлы %3)</numerusform>
            <numerusform>%1 в %n прогонах (база данных %2, файлы %3)</numerusform>
            <numerusform>%1 в %n прогонах (база данных %2, файлы %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Record a capture of every run</source>
        <translation>&amp;Делать запись каждого прогона</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>без предела</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Every frame of the feed as it arrived, with its time and the connection&apos;s drops: File &gt; Open capture... plays it back</source>
        <translation>Каждый кадр потока в том виде, в каком он пришёл, с его временем и обрывами соединения; Файл &gt; Открыть запись... воспроизводит её</translation>
    </message>
    <message>
        <source>Where each run&apos;s capture and CSV go (empty: next to the runs history)</source>
        <translation>Куда сохраняются запись и CSV каждого прогона (пусто — рядом с историей прогонов)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Обзор...</translation>
    </message>
    <message>
        <source>Folder for the runs&apos; files</source>
        <translation>Папка для файлов прогонов</translation>
    </message>
    <message>
        <source>Past this size a capture stops growing (the run goes on and says so)</source>
        <translation>Сверх этого размера запись перестаёт расти (прогон продолжается и сообщает об этом)</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>&amp;Size cap of each:</source>
        <translation>&amp;Предел размера каждой:</translation>
    </message>
    <message>
        <source>Older runs are deleted with their files</source>
        <translation>Более старые прогоны удаляются вместе с их файлами</translation>
    </message>
    <message>
        <source>The database and the runs&apos; files together; the oldest runs go first, with their files</source>
        <translation>База данных и файлы прогонов вместе; первыми удаляются самые старые прогоны, с их файлами</translation>
    </message>
    <message>
        <source>Runs history</source>
        <translation>История прогонов</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>Хранить не &amp;больше:</translation>
    </message>
    <message>
        <source>Storage used:</source>
        <translation>Занято:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <source>Keep the &amp;newest runs:</source>
        <translation>Хранить &amp;последних прогонов:</translation>
    </message>
</context>
<context>
    <name>SetupArea</name>
    <message>
        <source>Hide set-up</source>
        <translation>Скрыть настройку</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Настройка</translation>
    </message>
    <message>
        <source>Collapse the set-up into one line (Ctrl+Shift+U)</source>
        <translation>Свернуть настройку в одну строку (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Show the whole set-up (Ctrl+Shift+U)</source>
        <translation>Показать всю настройку (Ctrl+Shift+U)</translation>
    </message>
</context>
<context>
    <name>StreamGroupReader</name>
    <message>
        <source>cannot create the consumer group %1 of stream %2: %3</source>
        <translation>не удаётся создать группу потребителей %1 стрима %2: %3</translation>
    </message>
    <message>
        <source>joined consumer group %1 of stream %2 as consumer %3; the group keeps its position</source>
        <translation>присоединён к группе потребителей %1 стрима %2 как потребитель %3; группа сохраняет своё место</translation>
    </message>
    <message>
        <source>created consumer group %1 of stream %2 at %3; reading as consumer %4</source>
        <translation>создана группа потребителей %1 стрима %2 с %3; чтение как потребитель %4</translation>
    </message>
    <message>
        <source>%1 entries are pending with consumer %2 from an earlier run: they are sent first</source>
        <translation>у потребителя %2 с прошлого запуска ожидают записей: %1 — они отправляются первыми</translation>
    </message>
    <message>
        <source>%1 entries are pending with other consumers of the group (%2): taking over those idle for %3 ms before reading new entries</source>
        <translation>у других потребителей группы ожидают записей: %1 (%2): забираются простаивающие %3 мс, прежде чем читать новые</translation>
    </message>
    <message>
        <source>%1 entries sent and not acknowledged: waiting for the consumers before reading more</source>
        <translation>отправлено и не подтверждено записей: %1 — ожидание потребителей перед чтением новых</translation>
    </message>
    <message>
        <source>consumer group %1 of stream %2 is gone: creating it again</source>
        <translation>группы потребителей %1 стрима %2 больше нет: создаётся заново</translation>
    </message>
    <message>
        <source>cannot take over entries of stream %1: %2</source>
        <translation>не удаётся забрать записи стрима %1: %2</translation>
    </message>
    <message>
        <source>cannot read stream %1: %2</source>
        <translation>не удаётся прочитать стрим %1: %2</translation>
    </message>
    <message>
        <source>sent again the %1 entries that were pending with consumer %2</source>
        <translation>повторно отправлены %1 записей, ожидавших у потребителя %2</translation>
    </message>
    <message>
        <source>took over %1 entries pending for %2 ms or more with other consumers of group %3</source>
        <translation>забрано %1 записей, ожидавших %2 мс и дольше у других потребителей группы %3</translation>
    </message>
    <message>
        <source>reading new entries of stream %1</source>
        <translation>чтение новых записей стрима %1</translation>
    </message>
    <message>
        <source>cannot acknowledge %1 entries: %2</source>
        <translation>не удаётся подтвердить %1 записей: %2</translation>
    </message>
</context>
<context>
    <name>UrlCheck</name>
    <message>
        <source>the URL is empty</source>
        <translation>URL пуст</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with ws:// or wss://</source>
        <translation>«%1» должен начинаться с ws:// или wss://</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host</source>
        <translation>в «%1» нет хоста</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an invalid port</source>
        <translation>в «%1» неверный порт</translation>
    </message>
    <message>
        <source>capture %1</source>
        <translation>запись %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL</source>
        <translation>«%1» — не допустимый URL</translation>
    </message>
</context>
<context>
    <name>VerdictStyle</name>
    <message>
        <source>PASS</source>
        <comment>verdict: ordered, confirmed, nothing dropped or missing</comment>
        <translation>ПРОЙДЕН</translation>
    </message>
    <message>
        <source>WARN</source>
        <comment>verdict: ordered and nothing dropped, but the feed was unhealthy</comment>
        <translation>ВНИМАНИЕ</translation>
    </message>
    <message>
        <source>FAIL</source>
        <comment>verdict: order violated, frames unconfirmed or messages dropped</comment>
        <translation>ПРОВАЛЕН</translation>
    </message>
</context>
<context>
    <name>WebSocketDialer</name>
    <message>
        <source>certificate not trusted: %1</source>
        <translation>сертификат не заслуживает доверия: %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>нет ответа в течение %1 с</translation>
    </message>
    <message>
        <source>the server refused the connection: HTTP %1 %2</source>
        <translation>сервер отклонил соединение: HTTP %1 %2</translation>
    </message>
    <message>
        <source>connection refused: nothing listens on %1</source>
        <translation>в соединении отказано: по адресу %1 никто не слушает</translation>
    </message>
    <message>
        <source>host not found: %1</source>
        <translation>узел не найден: %1</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1 does not speak TLS (for a plain server use ws:// instead of wss://)</source>
        <translation>TLS-рукопожатие не удалось: %1 не говорит по TLS (для обычного сервера используйте ws:// вместо wss://)</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS-рукопожатие не удалось: %1</translation>
    </message>
</context>
<context>
    <name>WebSocketFrame</name>
    <message>
        <source>a frame from the server was masked</source>
        <translation>кадр от сервера был замаскирован</translation>
    </message>
    <message>
        <source>a frame set reserved bits that no extension defines</source>
        <translation>в кадре выставлены зарезервированные биты, не определённые ни одним расширением</translation>
    </message>
    <message>
        <source>a frame had a reserved opcode</source>
        <translation>у кадра зарезервированный код операции</translation>
    </message>
    <message>
        <source>a control frame was fragmented or longer than 125 bytes</source>
        <translation>управляющий кадр был фрагментирован или длиннее 125 байт</translation>
    </message>
    <message>
        <source>a frame&apos;s length was not in its shortest form</source>
        <translation>длина кадра записана не в кратчайшей форме</translation>
    </message>
    <message>
        <source>a frame&apos;s length had its top bit set</source>
        <translation>в длине кадра выставлен старший бит</translation>
    </message>
</context>
<context>
    <name>WebSocketHandshake</name>
    <message>
        <source>the server&apos;s answer to the handshake is not HTTP (no end within %1 KiB)</source>
        <translation>ответ сервера на рукопожатие — не HTTP (нет конца в пределах %1 КиБ)</translation>
    </message>
    <message>
        <source>the server&apos;s answer to the handshake is not HTTP</source>
        <translation>ответ сервера на рукопожатие — не HTTP</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a WebSocket upgrade (Upgrade: %1, Connection: %2)</source>
        <translation>ответ сервера — не переход на WebSocket (Upgrade: %1, Connection: %2)</translation>
    </message>
    <message>
        <source>the server&apos;s Sec-WebSocket-Accept does not match our key</source>
        <translation>Sec-WebSocket-Accept сервера не соответствует нашему ключу</translation>
    </message>
    <message>
        <source>the server chose an extension we did not offer: %1</source>
        <translation>сервер выбрал расширение, которое мы не предлагали: %1</translation>
    </message>
    <message>
        <source>the server chose a subprotocol we did not offer: %1</source>
        <translation>сервер выбрал подпротокол, который мы не предлагали: %1</translation>
    </message>
</context>
<context>
    <name>WebSocketReader</name>
    <message>
        <source>not a WebSocket URL (ws:// or wss://): %1</source>
        <translation>не адрес WebSocket (ws:// или wss://): %1</translation>
    </message>
    <message>
        <source>a message exceeded the limit of %1 (closed with code 1009)</source>
        <translation>сообщение превысило предел %1 (закрыто с кодом 1009)</translation>
    </message>
    <message>
        <source>a continuation frame with no message to continue</source>
        <translation>кадр продолжения без сообщения, которое он продолжает</translation>
    </message>
    <message>
        <source>a new message began before the last one ended</source>
        <translation>новое сообщение началось до конца предыдущего</translation>
    </message>
    <message>
        <source>a text message was not valid UTF-8 (closed with code 1007)</source>
        <translation>текстовое сообщение — не корректный UTF-8 (закрыто с кодом 1007)</translation>
    </message>
    <message>
        <source>a close frame of one byte</source>
        <translation>кадр закрытия длиной в один байт</translation>
    </message>
    <message>
        <source>an invalid close code, %1</source>
        <translation>недопустимый код закрытия, %1</translation>
    </message>
    <message>
        <source>a close frame&apos;s reason was not valid UTF-8 (closed with code 1007)</source>
        <translation>причина в кадре закрытия — не корректный UTF-8 (закрыто с кодом 1007)</translation>
    </message>
    <message>
        <source>the server broke the WebSocket protocol (closed with code 1002): %1</source>
        <translation>сервер нарушил протокол WebSocket (закрыто с кодом 1002): %1</translation>
    </message>
</context>
<context>
    <name>WebSocketSource</name>
    <message>
        <source>closed by the feed with code %1</source>
        <translation>закрыто потоком с кодом %1</translation>
    </message>
    <message>
        <source>closed by the feed with code %1 (%2)</source>
        <translation>закрыто потоком с кодом %1 (%2)</translation>
    </message>
    <message>
        <source>connection lost without a close frame</source>
        <translation>соединение потеряно без кадра закрытия</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>не удаётся подключиться к %1: %2</translation>
    </message>
    <message>
        <source>the feed %1 dropped and could not be reconnected: %2</source>
        <translation>поток %1 оборвался, переподключиться не удалось: %2</translation>
    </message>
</context>
<context>
    <name>WhatIfTable</name>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>W %1, max-hold %2 ms</source>
        <translation>W %1, max-hold %2 мс</translation>
    </message>
    <message>
        <source>W %1</source>
        <translation>W %1</translation>
    </message>
    <message>
        <source>what if: %1 arrivals replayed through the reorder buffer for %2 settings in %3 s</source>
        <translation>что если: %1 поступлений проиграны через буфер переупорядочивания для %2 настроек за %3 с</translation>
    </message>
    <message>
        <source>only the first %1 arrivals were analysed; %2 more were not kept</source>
        <translation>разобраны только первые %1 поступлений; ещё %2 не сохранены</translation>
    </message>
    <message>
        <source>suggested window: W = %1 (the smallest without late messages)</source>
        <translation>предлагаемое окно: W = %1 (наименьшее без опоздавших сообщений)</translation>
    </message>
    <message>
        <source>knee: W = %1 loses at most %2 % of the messages as late</source>
        <translation>излом: W = %1 теряет как опоздавшие не больше %2 % сообщений</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>max-hold</source>
        <translation>max-hold</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опозд.</translation>
    </message>
    <message>
        <source>lost ids</source>
        <translation>потеряно id</translation>
    </message>
    <message>
        <source>hold p50</source>
        <translation>удерж. p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>макс.</translation>
    </message>
    <message>
        <source>peak held</source>
        <translation>пик удерж.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>with max-hold (hold times in ms; * the run&apos;s own setting):</source>
        <translation>с max-hold (время удержания в мс; * — настройка самого прогона):</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <source>Which max-hold the chart and the table show</source>
        <translation>Для какого max-hold показаны график и таблица</translation>
    </message>
    <message>
        <source>Put this window (and the max-hold shown) in the set-up for the next run</source>
        <translation>Поставить это окно (и показанный max-hold) в настройки следующего прогона</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опоздавшие</translation>
    </message>
    <message>
        <source>hold p99</source>
        <translation>удержание p99</translation>
    </message>
    <message>
        <source>this run&apos;s W</source>
        <translation>W этого прогона</translation>
    </message>
    <message>
        <source>suggested W</source>
        <translation>предлагаемое W</translation>
    </message>
    <message>
        <source>knee</source>
        <translation>излом</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>lost ids</source>
        <translation>потеряно id</translation>
    </message>
    <message>
        <source>hold p50, ms</source>
        <translation>удерж. p50, мс</translation>
    </message>
    <message>
        <source>p99, ms</source>
        <translation>p99, мс</translation>
    </message>
    <message>
        <source>max, ms</source>
        <translation>макс., мс</translation>
    </message>
    <message>
        <source>peak held</source>
        <translation>пик удерж.</translation>
    </message>
    <message>
        <source>Max-hold:</source>
        <translation>Max-hold:</translation>
    </message>
    <message>
        <source>The what-if table of a run appears here when it ends.</source>
        <translation>Таблица «что если» появится здесь, когда прогон закончится.</translation>
    </message>
    <message>
        <source>Use the suggested W</source>
        <translation>Взять предлагаемое W</translation>
    </message>
    <message>
        <source>No message reached the reorder buffer: nothing to analyse.</source>
        <translation>Ни одно сообщение не дошло до буфера: разбирать нечего.</translation>
    </message>
    <message>
        <source>The capture holds no message.</source>
        <translation>В записи нет сообщений.</translation>
    </message>
    <message>
        <source>Working out what other windows would have done...</source>
        <translation>Считаем, что сделали бы другие окна...</translation>
    </message>
    <message>
        <source>No what-if table: %1</source>
        <translation>Нет таблицы «что если»: %1</translation>
    </message>
    <message>
        <source>Suggested: W = %1, the smallest window without late messages.</source>
        <translation>Предлагается: W = %1, наименьшее окно без опоздавших сообщений.</translation>
    </message>
    <message>
        <source>Knee: W = %1 drops %2 late (at most %3 % of the messages) and holds less.</source>
        <translation>Излом: W = %1 теряет %2 опоздавших (не больше %3 % сообщений) и держит меньше.</translation>
    </message>
    <message>
        <source>This run (%1): %2 late, hold p99 %3 ms.</source>
        <translation>Этот прогон (%1): опоздавших %2, удержание p99 %3 мс.</translation>
    </message>
    <message>
        <source>Auto: %1 late, hold p99 %2 ms, W from %3 up to %4.</source>
        <translation>Авто: опоздавших %1, удержание p99 %2 мс, W от %3 до %4.</translation>
    </message>
    <message>
        <source>%1 messages replayed for %2 settings in %3 s.</source>
        <translation>%1 сообщений проиграны для %2 настроек за %3 с.</translation>
    </message>
    <message>
        <source>Only the first %1 messages were kept for it.</source>
        <translation>Для неё сохранены только первые %1 сообщений.</translation>
    </message>
    <message>
        <source>The capture stops early: %1.</source>
        <translation>Запись обрывается: %1.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Use W = %1</source>
        <translation>Взять W = %1</translation>
    </message>
    <message>
        <source>Use the knee, W = %1</source>
        <translation>Взять излом, W = %1</translation>
    </message>
    <message>
        <source>auto (up to %1)</source>
        <translation>авто (до %1)</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>этот прогон</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>предлагается</translation>
    </message>
    <message>
        <source>window W</source>
        <translation>окно W</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>auto, at the largest W it took</source>
        <translation>авто, при наибольшем взятом W</translation>
    </message>
    <message>
        <source>late %</source>
        <translation>опозд. %</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 мс</translation>
    </message>
</context>
<context>
    <name>ZoomChartView</name>
    <message>
        <source>Drag a rectangle or turn the wheel to zoom; drag with the right button or use the arrow keys to pan; double-click to see the whole run</source>
        <translation>Выделите прямоугольник или покрутите колесо, чтобы увеличить; тяните правой кнопкой или стрелками, чтобы сдвинуть; двойной щелчок — весь прогон</translation>
    </message>
</context>
</TS>
