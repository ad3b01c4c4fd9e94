// Start-up script of the demo's janusgraph-server: binds the traversal source g of the graph `graph` (server yaml),
// and seeds the sample banking graph once. The graph lives in Cassandra, so it survives restarts of both containers:
// the sample is read only into an empty graph, in one transaction (a failed load leaves the graph empty and the next
// start tries again, never half a graph that would stop the seeding for good). It runs before the server opens its
// port, so the first traversal a client gets answered already sees the data. A failure here is logged and never
// keeps g from being bound.
def log = org.slf4j.LoggerFactory.getLogger('janusgraph-init')
def sample = new File('/opt/janusgraph/data/banking-demo.graphml')
try {
    if (graph.traversal().V().limit(1).hasNext()) {
        log.info('graph already holds data: the sample graph is not loaded again')
    } else if (sample.isFile()) {
        def t0 = System.nanoTime()
        sample.withInputStream { input ->
            // One batch larger than the sample: GraphMLReader commits once, at the end.
            org.apache.tinkerpop.gremlin.structure.io.graphml.GraphMLReader.build().batchSize(Long.MAX_VALUE).create()
                    .readGraph(input, graph)
        }
        def counts = graph.traversal()
        log.info('sample graph {} loaded: {} vertices, {} edges in {} ms', sample.name, counts.V().count().next(),
                counts.E().count().next(), ((System.nanoTime() - t0) / 1000000) as long)
    }
} catch (Exception e) {
    log.error('seeding the sample graph failed, the graph is left as it was: ' + e)
} finally {
    graph.tx().rollback()
}

def globals = [:]
globals << [g: graph.traversal()]
