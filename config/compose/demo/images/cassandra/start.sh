#!/bin/sh
# hcd-server of the demo stack: a real Cassandra 5.0.5 on the image's JRE 17, fast-start flags from
# shared/test-stack.md, data in /var/lib/hcd/data like the real stack's HCD (a volume), nodetool on local JMX 7199.
set -e
mkdir -p /var/lib/hcd
sed -e 's/@STORAGE_PORT@/7000/g' -e 's/@NATIVE_PORT@/9042/g' -e 's#@DIR@#/var/lib/hcd#g' \
    /opt/cassandra/cassandra.yaml.template > /opt/cassandra/cassandra.yaml
exec java -Xms512m -Xmx512m -Xmn128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m \
  -XX:CICompilerCount=1 -Djdk.attach.allowAttachSelf=true \
  --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-exports java.base/sun.nio.ch=ALL-UNNAMED --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED \
  --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED \
  --add-exports java.sql/java.sql=ALL-UNNAMED --add-exports java.base/java.lang.ref=ALL-UNNAMED \
  --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED \
  --add-opens java.base/java.lang.module=ALL-UNNAMED --add-opens java.base/jdk.internal.loader=ALL-UNNAMED \
  --add-opens java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED \
  --add-opens java.base/jdk.internal.math=ALL-UNNAMED --add-opens java.base/jdk.internal.module=ALL-UNNAMED \
  --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED \
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.math=ALL-UNNAMED \
  --add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED \
  -Dcassandra.config=file:///opt/cassandra/cassandra.yaml -Dcassandra.storagedir=/var/lib/hcd -Dcassandra.jmx.local.port=7199 \
  -Dcassandra-foreground=yes -Dcassandra.skip_wait_for_gossip_to_settle=0 -Dcassandra.ring_delay_ms=100 \
  -Dcassandra.superuser_setup_delay_ms=0 -Dlogback.configurationFile=/opt/cassandra/logback.xml \
  -cp '/opt/cassandra/lib/*' org.apache.cassandra.service.CassandraDaemon
