#!/usr/bin/env bash
# Local Apache Kafka for Ledgerline: one KRaft node (broker + controller) run straight from the
# jars on Maven Central, so nothing but a JDK and Maven is needed (no Docker, no tarball download).
#
#   tools/stack/kafka.sh up|down|status|reset
#
# Data, config and logs: $STACK_DIR/kafka/ (git-ignored). Jars: $STACK_CACHE/kafka/<version>/lib
# (outside the repo, resolved once; after that `up` never calls Maven, so it also works offline).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

# The project's client is kafkajs 2.2.4 (its last release), and Kafka 4.0 dropped old protocol
# versions (KIP-896), so a newer broker is only taken once kafkajs is proven against it: 4.4.0, the
# newest on Maven Central, passed admin createTopics/fetchOffsets, an idempotent producer, a
# consumer group with eachBatch and manual commits, and commit/abort transactions (as did 3.9.2).
KAFKA_VERSION="${LEDGERLINE_KAFKA_VERSION:-4.4.0}"
# Caps for a shared 2-core dev/CI machine; the broker is happy at this size for test traffic.
KAFKA_HEAP_OPTS="${LEDGERLINE_KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${LEDGERLINE_KAFKA_START_TIMEOUT:-90}"
# Pinned so the cold resolve is reproducible (Maven 3.8's default dependency plugin is 2.8).
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

# shellcheck disable=SC2034 # read by common.sh's log and die
COMPONENT=kafka
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KAFKA_HOME="$STACK_DIR/kafka"
CONFIG_DIR="$KAFKA_HOME/config"
DATA_DIR="$KAFKA_HOME/data"
LOG_DIR="$KAFKA_HOME/logs"
PID_FILE="$KAFKA_HOME/kafka.pid"
CACHE_DIR="$STACK_CACHE/kafka/$KAFKA_VERSION"
LIB_DIR="$CACHE_DIR/lib"
KAFKA_MAJOR="${KAFKA_VERSION%%.*}"

JAVA_HINT="install a JDK 17+: apt-get install -y openjdk-17-jre-headless maven"
MVN_HINT="install Maven: apt-get install -y openjdk-17-jre-headless maven"

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s' "$JAVA_HOME/bin/java"
  else
    require_cmd java "$JAVA_HINT"
    command -v java
  fi
}

# Kafka 4.x brokers refuse to start below Java 17, with an error buried in the log; say it up front.
check_java() {
  local java=$1 version major
  version=$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  major=${version%%.*}
  [[ "$major" == 1 ]] && major=$(cut -d. -f2 <<<"$version")
  [[ "$major" =~ ^[0-9]+$ ]] || die "cannot tell the version of $java; $JAVA_HINT"
  local need=11
  ((KAFKA_MAJOR >= 4)) && need=17
  ((major >= need)) || die "Kafka $KAFKA_VERSION needs Java $need+, $java is $version; $JAVA_HINT"
}

# The pid file alone is not proof: after a reboot the pid may belong to something else, and `down`
# must never signal a process the stack did not start.
kafka_running() {
  pid_alive "$PID_FILE" && grep -qa 'kafka\.Kafka' "/proc/$(cat "$PID_FILE")/cmdline" 2>/dev/null
}

# Writes the throw-away pom that resolution runs against: kafka_2.13 plus optional extra deps.
write_pom() {
  local pom=$1 extra=${2:-}
  cat >"$pom" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.ledgerline.stack</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>$extra
  </dependencies>
</project>
EOF
}

# Resolve kafka_2.13 and its runtime closure into the jar cache. Kafka's published poms leave out
# the SLF4J binding its distribution ships (without one every broker log line is silently dropped),
# so a second pass adds the binding that matches the logging backend of that Kafka line, at the
# version Kafka itself picked: log4j-slf4j-impl for 4.x (log4j2), slf4j-reload4j for 3.x.
resolve_jars() {
  [[ -d "$LIB_DIR" ]] && return 0
  require_cmd mvn "$MVN_HINT"
  mkdir -p "$CACHE_DIR"
  log "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven (first run only)"
  local work mvn_log=$CACHE_DIR/mvn.log jar binding
  # A private work dir plus an atomic rename: a concurrent or interrupted resolve never leaves
  # a half-filled lib/ that later runs would trust.
  work=$(mktemp -d "$CACHE_DIR/resolve.XXXXXX")
  local copy=(mvn -B -q -Dstyle.color=never -f "$work/pom.xml"
    "$DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory="$work/lib")

  write_pom "$work/pom.xml"
  if ! "${copy[@]}" >"$mvn_log" 2>&1; then
    rm -rf "$work"
    die "Maven could not resolve Kafka $KAFKA_VERSION (does that version exist?); see $mvn_log"
  fi
  if jar=$(compgen -G "$work/lib/log4j-core-*.jar"); then
    jar=${jar##*/log4j-core-}
    binding="org.apache.logging.log4j log4j-slf4j-impl ${jar%.jar}"
  elif jar=$(compgen -G "$work/lib/slf4j-api-*.jar"); then
    jar=${jar##*/slf4j-api-}
    binding="org.slf4j slf4j-reload4j ${jar%.jar}"
  else
    rm -rf "$work"
    die "found neither log4j-core nor slf4j-api among Kafka $KAFKA_VERSION's dependencies"
  fi
  local -a gav
  read -r -a gav <<<"$binding"
  write_pom "$work/pom.xml" "
    <dependency>
      <groupId>${gav[0]}</groupId>
      <artifactId>${gav[1]}</artifactId>
      <version>${gav[2]}</version>
    </dependency>"
  if ! "${copy[@]}" >>"$mvn_log" 2>&1; then
    rm -rf "$work"
    die "Maven could not resolve the logging binding ${binding// /:}; see $mvn_log"
  fi
  mv -T "$work/lib" "$LIB_DIR" 2>/dev/null || true # lost a race: the other copy is complete
  rm -rf "$work"
  log "cached $(find "$LIB_DIR" -name '*.jar' | wc -l) jars in $LIB_DIR"
}

write_config() {
  mkdir -p "$CONFIG_DIR" "$DATA_DIR" "$LOG_DIR"
  # Rewritten on every `up`, so changed ports take effect; the data dir is what persists.
  cat >"$CONFIG_DIR/server.properties" <<EOF
# Generated by tools/stack/kafka.sh on every start; edits here are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$STACK_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$STACK_HOST:$KAFKA_PORT,CONTROLLER://$STACK_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$STACK_HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR
# A single node: every replication factor and ISR minimum has to be 1.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
default.replication.factor=1
# Fewer internal partitions than the default 50: the first group join and first transaction
# then take well under a second on a small machine.
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
num.partitions=6
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  if ((KAFKA_MAJOR >= 4)); then
    # Share groups (KIP-932) keep state in an internal topic that defaults to 3 replicas.
    printf '%s\n' 'share.coordinator.state.topic.replication.factor=1' \
      'share.coordinator.state.topic.min.isr=1' >>"$CONFIG_DIR/server.properties"
    # Kafka 4 logs through log4j2 (log4j-core is a runtime dependency of kafka-server).
    cat >"$CONFIG_DIR/log4j2.properties" <<EOF
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $LOG_DIR/server.log
appender.file.filePattern = $LOG_DIR/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 10MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 5
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
  else
    cat >"$CONFIG_DIR/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$LOG_DIR/server.log
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=5
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
EOF
  fi
}

jvm_opts() {
  # shellcheck disable=SC2206 # the heap options are a word list on purpose
  JVM_OPTS=($KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    -Dkafka.logs.dir="$LOG_DIR" -cp "$LIB_DIR/*")
  if ((KAFKA_MAJOR >= 4)); then
    JVM_OPTS+=(-Dlog4j2.configurationFile="$CONFIG_DIR/log4j2.properties")
  else
    JVM_OPTS+=(-Dlog4j.configuration="file:$CONFIG_DIR/log4j.properties")
  fi
}

# KRaft storage is formatted once; the cluster id lives next to the data so a reformat after
# `reset` gets a fresh one and a restart keeps the old one.
format_storage() {
  local java=$1 cluster_id
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  if [[ -s "$KAFKA_HOME/cluster.id" ]]; then
    cluster_id=$(cat "$KAFKA_HOME/cluster.id")
  else
    # Kafka's Uuid text form: 16 random bytes, base64url without padding. A leading '-' would
    # read as an option on the command line, so draw again in that (rare) case.
    cluster_id=-
    while [[ "$cluster_id" == -* ]]; do
      cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    done
    printf '%s\n' "$cluster_id" >"$KAFKA_HOME/cluster.id"
  fi
  log "formatting KRaft storage (cluster id $cluster_id)"
  "$java" "${JVM_OPTS[@]}" kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$CONFIG_DIR/server.properties" >"$LOG_DIR/format.log" 2>&1 ||
    die "formatting storage failed; see $LOG_DIR/format.log"
}

# Port open is not enough: the socket is bound before the broker has caught up with the
# controller and been unfenced. A Metadata (v4) request answered with at least one live broker
# means clients can create topics and produce. Raw bytes over /dev/tcp: no JVM or node start.
broker_ready() (
  { exec 3<>"/dev/tcp/$STACK_HOST/$KAFKA_PORT"; } 2>/dev/null || exit 1
  # size=20 | api_key=3 (Metadata) | version=4 | correlation=1 | client_id="stack"
  # | topics=[] (none, not all) | allow_auto_topic_creation=false
  printf '\x00\x00\x00\x14\x00\x03\x00\x04\x00\x00\x00\x01\x00\x05stack\x00\x00\x00\x00\x00' >&3
  # Reply: size, correlation_id, throttle_time_ms, then the int32 count of live brokers.
  local -a b
  read -r -a b < <(timeout 2 od -An -tu1 -N16 -w16 <&3) || exit 1
  ((${#b[@]} == 16 && (b[12] << 24 | b[13] << 16 | b[14] << 8 | b[15]) > 0))
)

# wait_ready <pid> <start in µs>: until the broker answers, it dies, or the timeout passes. A
# broker that never got ready is stopped, so a failed `up` leaves nothing behind.
wait_ready() {
  local pid=$1 start=$2 i
  for ((i = 0; i < KAFKA_START_TIMEOUT * 5; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 5 "$LOG_DIR/kafka.out" "$LOG_DIR/server.log" >&2 2>/dev/null || true
      die "kafka exited during startup; see $LOG_DIR/server.log and $LOG_DIR/kafka.out"
    fi
    if broker_ready; then
      log "running (pid $pid) on $STACK_HOST:$KAFKA_PORT, Kafka $KAFKA_VERSION, ready in $(((${EPOCHREALTIME//[!0-9]/} - start) / 1000)) ms"
      return 0
    fi
    sleep 0.2
  done
  stop_pid "$PID_FILE" kafka 30
  die "kafka did not answer on $STACK_HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s (stopped it); see $LOG_DIR/server.log"
}

cmd_up() {
  local java start pid i
  start=${EPOCHREALTIME//[!0-9]/}
  java=$(java_bin)
  check_java "$java"
  mkdir -p "$KAFKA_HOME"
  # Parallel test setups may all call `up`; only one may start the broker.
  exec 9>"$KAFKA_HOME/.lock"
  flock -w 120 9 || die "another kafka.sh is holding $KAFKA_HOME/.lock"

  if kafka_running; then
    # It may still be starting (an earlier `up` interrupted while waiting): wait for it too.
    if broker_ready; then
      log "already running (pid $(cat "$PID_FILE")) on $STACK_HOST:$KAFKA_PORT"
      return 0
    fi
    wait_ready "$(cat "$PID_FILE")" "$start"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; then
    die "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT on $STACK_HOST is taken by a process this stack did not start; set LEDGERLINE_KAFKA_PORT / LEDGERLINE_KAFKA_CONTROLLER_PORT"
  fi
  if [[ -f "$KAFKA_HOME/version" && "$(cat "$KAFKA_HOME/version")" != "$KAFKA_VERSION" ]]; then
    log "warning: data was written by Kafka $(cat "$KAFKA_HOME/version"); if startup fails, run: $0 reset"
  fi

  resolve_jars
  write_config
  jvm_opts
  format_storage "$java"
  printf '%s\n' "$KAFKA_VERSION" >"$KAFKA_HOME/version"

  # setsid: its own session, so Ctrl-C in, or the end of, the calling terminal/CI step does not
  # take the broker down. The wrapper writes its own pid before exec'ing java, so the pid file
  # names the JVM even if setsid had to fork. fd 9 (the lock) is not inherited.
  # shellcheck disable=SC2016 # $$, $0 and $@ belong to the inner bash
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$java" "${JVM_OPTS[@]}" kafka.Kafka "$CONFIG_DIR/server.properties" \
    >"$LOG_DIR/kafka.out" 2>&1 </dev/null 9>&- &
  for ((i = 0; i < 50; i++)); do
    if [[ -s "$PID_FILE" ]]; then break; fi
    sleep 0.1
  done
  pid=$(cat "$PID_FILE" 2>/dev/null) || die "kafka did not start; see $LOG_DIR/kafka.out"

  wait_ready "$pid" "$start"
}

cmd_down() {
  [[ -d "$KAFKA_HOME" ]] || { log "not running"; return 0; }
  exec 9>"$KAFKA_HOME/.lock"
  flock -w 120 9 || die "another kafka.sh is holding $KAFKA_HOME/.lock"
  if pid_alive "$PID_FILE" && ! kafka_running; then
    log "pid file names a process that is not Kafka; leaving it alone"
    rm -f "$PID_FILE"
    return 0
  fi
  # Controlled shutdown of a combined node usually takes a few seconds; allow for a slow CI box.
  stop_pid "$PID_FILE" kafka 30
}

cmd_status() {
  if kafka_running; then
    echo "kafka running (pid $(cat "$PID_FILE")) on $STACK_HOST:$KAFKA_PORT"
    return 0
  fi
  echo "kafka stopped"
  return 3
}

# A crash, for fault tests: SIGKILL, no controlled shutdown.
cmd_crash() {
  kill_pid "$PID_FILE" kafka
}

cmd_reset() {
  cmd_down
  rm -rf "${KAFKA_HOME:?}"
  log "wiped $KAFKA_HOME (jar cache in $STACK_CACHE/kafka kept)"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  crash) cmd_crash ;;
  *) die "usage: $0 up|down|status|reset|crash" ;;
esac
