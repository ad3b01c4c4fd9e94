package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * One step of the fresh-machine recovery chain with its live check.
 *
 * @param level UP passed, DOWN failed, UNKNOWN not checked (an earlier step failed, or it does not apply)
 * @param found what the check saw
 * @param code  the R-code of stack-reference §4.8 that matches what was seen, or ""
 */
public record RecoveryStep(int number, String name, HealthLevel level, String found, String code) {
    /** R-01..R-18: symptom, and cause → fix (stack-reference §4.8). */
    public record Code(String id, String symptom, String fix) {
    }

    public static final List<Code> CODES = List.of(
            new Code("R-01", "podman machine shows \"Last Up: Never\"", "start the machine before any deploy"),
            new Code("R-02", "deploy blocked at hcd-server",
                    "build localhost/hcd:1.2.3 from docker/hcd/Dockerfile at the repo root (needs hcd-1.2.3/)"),
            new Code("R-03", "Vault unhealthy: \"security barrier not initialized\"",
                    "reset the volume, init, unseal, regenerate .vault-keys"),
            new Code("R-04", "init_vault.sh did not find Vault",
                    "it looks for vault-server: init/unseal janusgraph-demo_vault_1 by hand"),
            new Code("R-05", "analytics-api restart loop: no module slowapi", "add slowapi to docker/api/Dockerfile"),
            new Code("R-06", "no module pydantic_settings", "add pydantic-settings, python-json-logger, pyjwt"),
            new Code("R-07", "no module banking", "copy banking/ into the API image"),
            new Code("R-08", "permission denied /var/log/janusgraph", "create and chown it for the non-root user"),
            new Code("R-09", "no module pyotp", "add the MFA dependencies"),
            new Code("R-10", "no module qrcode", "add qrcode[pil]"),
            new Code("R-11", "API startup validation failure",
                    "pass OPENSEARCH_INITIAL_ADMIN_PASSWORD in the full compose"),
            new Code("R-12", "no module opentelemetry", "add the OTEL api/sdk/exporters/instrumentation"),
            new Code("R-13", "no module requests", "add requests"),
            new Code("R-14", "notebook runner: Jupyter \"not running\"",
                    "run on the active connection (podman-wxd vs podman-wxd-root)"),
            new Code("R-15", "exploratory notebooks: \"pattern matched no files\"",
                    "mount /workspace/notebooks-exploratory in compose"),
            new Code("R-16", "notebook 11 missing pydantic, email_validator",
                    "add them to docker/jupyter/environment.yml"),
            new Code("R-17", "notebook 06 KeyError: 'sum'", "defensive .get defaults"),
            new Code("R-18", "notebook 07 KeyError: 'first_name'", "handle empty or missing DataFrame columns"));
}
