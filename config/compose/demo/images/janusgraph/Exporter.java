// janusgraph-exporter of the demo stack: what scripts/monitoring/janusgraph_exporter.py does, in one Java file run by
// the image's JRE 17 with the Gremlin driver on the class path. Every SCRAPE_INTERVAL seconds it runs the same four
// traversals over the Gremlin WebSocket, times them into janusgraph_query_duration_seconds, counts failures in
// janusgraph_errors_total{error_type} and serves everything in Prometheus text format on :8000/metrics.
import com.sun.net.httpserver.HttpServer;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

public class Exporter {
    static final double[] BUCKETS = {0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10};
    static final long[] bucketCounts = new long[BUCKETS.length];
    static long count;
    static double sum;
    static final Map<String, Long> errors = new ConcurrentHashMap<>();
    static volatile long vertices = -1;
    static volatile long edges = -1;
    static volatile Map<String, Long> vertexLabels = Map.of();
    static volatile Map<String, Long> edgeLabels = Map.of();
    static volatile int connected;

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("GREMLIN_HOST", "janusgraph-server");
        int port = Integer.parseInt(System.getenv().getOrDefault("GREMLIN_PORT", "8182"));
        long every = Long.parseLong(System.getenv().getOrDefault("SCRAPE_INTERVAL", "15"));
        HttpServer server = HttpServer.create(new InetSocketAddress(8000), 20);
        server.createContext("/metrics", ex -> {
            byte[] body = metrics(host, port).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        System.out.println("janusgraph-exporter on :8000, Gremlin at ws://" + host + ":" + port + "/gremlin");
        Cluster cluster = null;
        Client client = null;
        while (true) {
            try {
                if (client == null) {
                    cluster = Cluster.build(host).port(port).create();
                    client = cluster.connect();
                    connected = 1;
                }
                vertices = timed(client, "g.V().count()").get(0).getLong();
                edges = timed(client, "g.E().count()").get(0).getLong();
                vertexLabels = counts(timed(client, "g.V().groupCount().by(label)"));
                edgeLabels = counts(timed(client, "g.E().groupCount().by(label)"));
            } catch (Exception e) {
                String type = String.valueOf(e.getMessage()).contains("Connection refused") || client == null
                        ? "connection" : "query_execution";
                errors.merge(type, 1L, Long::sum);
                System.out.println("Query execution error: " + e);
                if (type.equals("connection")) {
                    connected = 0;
                    if (cluster != null) {
                        cluster.close();
                    }
                    cluster = null;
                    client = null;
                }
            }
            TimeUnit.SECONDS.sleep(every);
        }
    }

    static List<Result> timed(Client client, String gremlin) throws Exception {
        long t0 = System.nanoTime();
        List<Result> r = client.submit(gremlin).all().get(30, TimeUnit.SECONDS);
        double s = (System.nanoTime() - t0) / 1e9;
        synchronized (Exporter.class) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (s <= BUCKETS[i]) {
                    bucketCounts[i]++;
                }
            }
            count++;
            sum += s;
        }
        return r;
    }

    /** The server may send the groupCount map whole or unrolled into its entries. */
    static Map<String, Long> counts(List<Result> r) {
        Map<String, Long> out = new TreeMap<>();
        for (Result x : r) {
            Object o = x.getObject();
            if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue()));
            } else if (o instanceof Map.Entry<?, ?> e) {
                out.put(String.valueOf(e.getKey()), ((Number) e.getValue()).longValue());
            }
        }
        return out;
    }

    static synchronized String metrics(String host, int port) {
        StringBuilder b = new StringBuilder();
        b.append("# HELP janusgraph_vertices_total Total number of vertices in the graph\n# TYPE janusgraph_vertices_total gauge\n");
        if (vertices >= 0) {
            b.append("janusgraph_vertices_total ").append(vertices).append(".0\n");
        }
        b.append("# HELP janusgraph_edges_total Total number of edges in the graph\n# TYPE janusgraph_edges_total gauge\n");
        if (edges >= 0) {
            b.append("janusgraph_edges_total ").append(edges).append(".0\n");
        }
        b.append("# HELP janusgraph_vertex_labels_count Vertices per label\n# TYPE janusgraph_vertex_labels_count gauge\n");
        vertexLabels.forEach((k, v) -> b.append("janusgraph_vertex_labels_count{label=\"").append(k).append("\"} ").append(v).append(".0\n"));
        b.append("# HELP janusgraph_edge_labels_count Edges per label\n# TYPE janusgraph_edge_labels_count gauge\n");
        edgeLabels.forEach((k, v) -> b.append("janusgraph_edge_labels_count{label=\"").append(k).append("\"} ").append(v).append(".0\n"));
        b.append("# HELP janusgraph_query_duration_seconds Query execution time\n# TYPE janusgraph_query_duration_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            b.append("janusgraph_query_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ").append(bucketCounts[i]).append(".0\n");
        }
        b.append("janusgraph_query_duration_seconds_bucket{le=\"+Inf\"} ").append(count).append(".0\n");
        b.append("janusgraph_query_duration_seconds_count ").append(count).append(".0\n");
        b.append("janusgraph_query_duration_seconds_sum ").append(sum).append('\n');
        b.append("# HELP janusgraph_errors_total Exporter-side errors\n# TYPE janusgraph_errors_total counter\n");
        for (String t : List.of("connection", "gremlin_server", "query_execution", "metrics_collection", "label_metrics")) {
            b.append("janusgraph_errors_total{error_type=\"").append(t).append("\"} ").append(errors.getOrDefault(t, 0L)).append(".0\n");
        }
        b.append("# HELP janusgraph_connection_status Connection status (1=connected, 0=disconnected)\n# TYPE janusgraph_connection_status gauge\n");
        b.append("janusgraph_connection_status ").append(connected).append(".0\n");
        b.append("# HELP janusgraph_info JanusGraph exporter information\n# TYPE janusgraph_info gauge\n");
        b.append("janusgraph_info{exporter_version=\"1.0.0\",url=\"ws://").append(host).append(':').append(port).append("/gremlin\"} 1.0\n");
        return b.toString();
    }
}
