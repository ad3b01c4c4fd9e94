def globals = [:]
globals << [g : graph.traversal()]
