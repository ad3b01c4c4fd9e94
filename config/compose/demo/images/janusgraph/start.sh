#!/bin/sh
# janusgraph-server of the demo stack: waits for hcd-server's CQL port (depends_on does not wait for readiness), with a
# cap so that a missing Cassandra ends the container (its restart policy tries again) instead of hanging it, then
# runs JanusGraph 1.1.0 on the image's JRE 17 with small-machine JVM flags, logging to stdout.
conf=/opt/janusgraph/conf/janusgraph-hcd.properties
host=$(sed -n 's/^storage.hostname=//p' "$conf")
port=$(sed -n 's/^storage.port=//p' "$conf")
cap=${CQL_WAIT_SECONDS:-120}
start=$(date +%s)
# busybox nc has no -z: connect with an empty stdin and a 2 s timeout.
until nc -w 2 "$host" "$port" </dev/null >/dev/null 2>&1; do
  if [ $(( $(date +%s) - start )) -ge "$cap" ]; then
    echo "janusgraph-server: no CQL at $host:$port after $cap s; giving up" >&2
    exit 1
  fi
  sleep 1
done
echo "janusgraph-server: CQL at $host:$port answers after $(( $(date +%s) - start )) s"
# No JVM DNS cache (30 s by default): hcd-server gets a new IP when it restarts, and a connect to the old one hangs
# for storage.connection-timeout (60 s); with it off, JanusGraph answers ~3 s after CQL is back. reflections8 logs
# stack traces at the first traversal for janusgraph-hadoop classes, which this image leaves out on purpose.
exec java -Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m \
  -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0 \
  -Dorg.slf4j.simpleLogger.logFile=System.out -Dorg.slf4j.simpleLogger.showDateTime=true \
  -Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd\'T\'HH:mm:ss.SSS \
  -Dorg.slf4j.simpleLogger.log.org.reflections8=error \
  $JAVA_OPTS -cp '/opt/janusgraph/lib/*' \
  org.janusgraph.graphdb.server.JanusGraphServer /opt/janusgraph/conf/janusgraph-server.yaml
