package io.hcdjg.cockpit.demo;

import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.server.auth.AuthenticatedUser;
import org.apache.tinkerpop.gremlin.server.authz.AuthorizationException;
import org.apache.tinkerpop.gremlin.server.authz.Authorizer;
import org.apache.tinkerpop.gremlin.util.function.Lambda;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo Gremlin Server's gate: traversals as bytecode pass, scripts never do. The server would otherwise evaluate
 * any script in Groovy, whose engine it creates on first use whatever its settings name (a Groovy script is code run as
 * the operator). Bytecode that carries a lambda (a script in disguise) or the {@code io} step (which reads and writes
 * files on this machine) is refused as well.
 */
public final class TraversalsOnly implements Authorizer {
    static final String REFUSED = "the demo Gremlin Server runs traversals sent as bytecode only, not scripts";

    @Override
    public void setup(Map<String, Object> config) {
    }

    @Override
    public Bytecode authorize(AuthenticatedUser user, Bytecode bytecode, Map<String, String> aliases)
            throws AuthorizationException {
        String refused = refusal(bytecode);
        if (refused != null) {
            throw new AuthorizationException(refused);
        }
        return bytecode;
    }

    @Override
    public void authorize(AuthenticatedUser user, RequestMessage msg) throws AuthorizationException {
        throw new AuthorizationException(REFUSED);
    }

    /** Why this bytecode (or a traversal nested in it) may not run; null when it may. */
    static String refusal(Bytecode bytecode) {
        for (Bytecode.Instruction i : (Iterable<Bytecode.Instruction>) Stream.concat(
                bytecode.getSourceInstructions().stream(), bytecode.getStepInstructions().stream())::iterator) {
            if (i.getOperator().equals("io")) {
                return "the demo Gremlin Server does not read or write files (io step)";
            }
            for (Object arg : i.getArguments()) {
                if (arg instanceof Lambda) {
                    return "the demo Gremlin Server runs no lambdas (" + i.getOperator() + " step)";
                }
                String nested = arg instanceof Bytecode b ? refusal(b) : null;
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
