package io.hcdjg.cockpit.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Optional;

/**
 * The redaction on real-looking text: what it hides, what it must leave alone, and that a second pass changes nothing.
 */
class RedactionTest {
    private static final Redaction R = Redaction.DEFAULT;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # flags, in a message that joined the argv
            cqlsh -u cassandra -p s3cretPw hcd-server 9042 exited 1 | cqlsh -u cassandra -p *** hcd-server 9042 exited 1
            /opt/hcd/bin/cqlsh -u admin -pS3cret                 | /opt/hcd/bin/cqlsh -u admin -p***
            mysql -uroot -ps3cret db                              | mysql -uroot -p*** db
            redis-cli -a s3cret ping                              | redis-cli -a *** ping
            nodetool -u cassandra -pw s3cret status               | nodetool -u cassandra -pw *** status
            vault-init --password s3cret --verbose                | vault-init --password *** --verbose
            app --password=s3cret                                 | app --password=***
            app --keystore-password ks-pass-1 --passwd=x1y2z3     | app --keystore-password *** --passwd=***
            api --token abc.def --api-key=K123 --jwt-secret j     | api --token *** --api-key=*** --jwt-secret ***
            curl -u admin:s3cret http://h/                        | curl -u admin:*** http://h/
            podman login --creds bob:s3cret quay.io               | podman login --creds bob:*** quay.io
            [cqlsh, -u, cassandra, -p, s3cret, -e, DESC]          | [cqlsh, -u, cassandra, -p, ***, -e, DESC]
            podman exec -e SMTP_PASSWORD=s3cret api env           | podman exec -e SMTP_PASSWORD=*** api env
            # NAME=value and JSON keys
            API_JWT_SECRET=abc HCD_KEYSTORE_PASSWORD=x API_KEY=y  \
            | API_JWT_SECRET=*** HCD_KEYSTORE_PASSWORD=*** API_KEY=***
            password="two words" user=bob                         | password="***" user=bob
            apiKey=Zx9 clientSecret=q1 AWS_SECRET_ACCESS_KEY=w2   \
            | apiKey=*** clientSecret=*** AWS_SECRET_ACCESS_KEY=***
            VAULT_TOKEN=hvs.x basic_auth=u:p creds=u:p            | VAULT_TOKEN=*** basic_auth=*** creds=***
            Pwd=s3cret;Uid=sa                                     | Pwd=***
            {"user":"bob","password":"s3cret","api_key":"k1"}     | {"user":"bob","password":"***","api_key":"***"}
            {"access_token": "abc", "client_secret": "def"}       | {"access_token": "***", "client_secret": "***"}
            # CQL
            CREATE ROLE ops WITH PASSWORD = 's3cret' AND LOGIN = true \
            | CREATE ROLE ops WITH PASSWORD = '***' AND LOGIN = true
            ALTER ROLE ops WITH PASSWORD 'it''s s3cret'           | ALTER ROLE ops WITH PASSWORD '***'
            create user x with hashed password '$2a$10$abc'       | create user x with hashed password '***'
            # URLs and headers
            http://admin:s3cret@grafana:3001/api/health           | http://admin:***@grafana:3001/api/health
            redis://:s3cret@cache:6379/0                          | redis://:***@cache:6379/0
            POST https://api.example.com/hook?token=abc123&x=1    | POST https://api.example.com/hook?token=***&x=1
            GET /x?a=1&access_token=z9&sig=QQ#frag                | GET /x?a=1&access_token=***&sig=***#frag
            https://maps.example.com/api?key=AIzaSyA-1            | https://maps.example.com/api?key=***
            https://hooks.slack.com/services/T0001/B0002/XXXXYYYY | https://hooks.slack.com/services/***
            webhook https://discord.com/api/webhooks/123/tok-en: 404 | webhook https://discord.com/api/webhooks/***: 404
            Authorization: Bearer abc.def-ghi                      | Authorization: Bearer ***
            -H 'Authorization: Basic YWRtaW46czNjcmV0'            | -H 'Authorization: Basic ***'
            X-Vault-Token: hvs.CAESIJ1234567890abcdefghij         | X-Vault-Token: ***
            curl -H X-API-Key:k9k9k9 http://h                     | curl -H X-API-Key:*** http://h
            sent Bearer 0123456789abcdef to the api               | sent Bearer *** to the api
            # shapes
            token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl ok | token *** ok
            vault login hvs.CAESIJ1234567890abcdefghij            | vault login hvs.***
            xoxb-1234567890-abcdefghij posted                     | xoxb-*** posted
            """)
    void hides(String in, String out) {
        assertEquals(out, R.text(in));
        assertEquals(out, R.text(out), "a second pass changes nothing");
    }

    /** Ordinary text that only looks close: these must come out as they went in. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Password reset requested for user alice
            AuthenticationException: Provided username cassandra and/or password are incorrect
            token_count=3 max_tokens=512 tokens=7
            AUTH_ENABLED=false JANUSGRAPH_USE_SSL=true
            podman login --password-stdin quay.io
            app --password-file /run/secrets/db --token-ttl 5m
            mkdir -p /var/lib/hcd/backups
            podman run -p 9042:9042 -u 1000:1000 hcd
            PWD=/home/ops OLDPWD=/tmp
            http://127.0.0.1:8001/health?verbose=1
            {"gate":{"token":"G7_SEED","meaning":"seed data"}}
            authorization failed for role ops
            --ssh-key ~/.ssh/id_ed25519 key=value
            SLACK_WEBHOOK_URL is not set
            """)
    void leavesAlone(String in) {
        assertEquals(in, R.text(in));
    }

    @Test
    void argvHidesTheElementAfterASecretFlagWhateverItHolds() {
        assertEquals(List.of("cqlsh", "-u", "cassandra", "-p", "***", "-e", "CREATE ROLE x WITH PASSWORD = '***'"),
                R.argv(List.of("cqlsh", "-u", "cassandra", "-p", "pass word", "-e",
                        "CREATE ROLE x WITH PASSWORD = 'y z'")));
        assertEquals(List.of("podman", "exec", "hcd", "/opt/hcd/bin/nodetool", "-pw", "***", "status"),
                R.argv(List.of("podman", "exec", "hcd", "/opt/hcd/bin/nodetool", "-pw", "p w", "status")));
        assertEquals(List.of("sh", "-c", "cqlsh -p *** && echo TOKEN=***"),
                R.argv(List.of("sh", "-c", "cqlsh -p s3 && echo TOKEN=t")), "a shell string inside is text");
        assertEquals(List.of("mkdir", "-p", "/x"), R.argv(List.of("mkdir", "-p", "/x")));
    }

    @Test
    void configuredSecretsEnvValuesWebhooksAndPatterns() {
        Redaction r = new Redaction(List.of("Hunter2-long", "https://ops:pw-in-url@alerts.example.com/notify/abcdef"),
                List.of("http://127.0.0.1:8080/hook/T0KEN-123?x=1"),
                List.of(Pattern.compile("ssn=(\\d{3}-\\d{2}-\\d{4})"), Pattern.compile("INTERNAL-\\d{6}")));
        assertEquals("login with *** failed", r.text("login with Hunter2-long failed"));
        assertEquals("POST http://127.0.0.1:8080/*** HTTP 500",
                r.text("POST http://127.0.0.1:8080/hook/T0KEN-123?x=1 HTTP 500"));
        assertEquals("connect http://127.0.0.1:8080/***: refused",
                r.text("connect http://127.0.0.1:8080/hook/T0KEN-123: refused"));
        assertEquals("https://ops:***@alerts.example.com/***",
                r.text("https://ops:pw-in-url@alerts.example.com/notify/abcdef"));
        assertEquals("ssn=*** ref ***", r.text("ssn=123-45-6789 ref INTERNAL-123456"));
        assertEquals("ab12 x", new Redaction(List.of("ab12"), List.of(), List.of()).text("ab12 x"),
                "nothing shorter than " + Redaction.MIN_SECRET + " characters is taken literally");
        assertEquals("a=***",
                new Redaction(List.of("s3cret", "s3cret-longer"), List.of(), List.of()).text("a=s3cret-longer"),
                "the longer secret first");
    }

    @Test
    void ofReadsTheConfigTheEnvironmentAndTheLadder() {
        CockpitConfig shipped = new ConfigLoader(Map.of("HOME", "/nonexistent")).load(Optional.empty()).config();
        assertTrue(shipped.redaction().env()
                .containsAll(List.of("SMTP_PASSWORD", "API_JWT_SECRET", "SLACK_WEBHOOK_URL")));
        Redaction r = Redaction.of(shipped, Map.of("SMTP_PASSWORD", "smtp-Pa55", "API_JWT_SECRET", "jwt!secret!value",
                "SLACK_WEBHOOK_URL", "https://hooks.example.com/x/y/zzz", "HOME", "/home/ops", "API_KEY", "abc"));
        String out = r.text("mail smtp-Pa55 signed jwt!secret!value via https://hooks.example.com/x/y/zzz "
                + "at /home/ops abc");
        assertEquals("mail *** signed *** via https://hooks.example.com/*** at /home/ops abc", out);
        assertFalse(shipped.redaction().toString().contains("smtp"), "a config's string form never carries values");
    }

    @Test
    void theSectionAddsToTheShippedOneAndLocatesEveryErrorWithoutRepeatingAValue(@TempDir Path home) throws Exception {
        Path file = home.resolve("c.yaml");
        Files.writeString(file, """
                redaction:
                  secrets: [long-enough-1, abc]
                  patterns: ['token=(\\w+)', '(unclosed', 'x*']
                  env: [MY_SECRET, "not a name"]
                """);
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of("HOME", home.toString())).load(Optional.of(file));
        assertEquals(List.of(
                file + ":2:28: redaction.secrets[1]: shorter than 6 characters: hiding it everywhere would hide "
                        + "ordinary words too; cover it with a pattern instead",
                file + ":3:29: redaction.patterns[1]: not a regular expression: Unclosed group",
                file + ":3:42: redaction.patterns[2]: matches the empty string: it would mark every place in "
                        + "every text",
                file + ":4:20: redaction.env[1]: not an environment variable name (letters, digits, _)"),
                loaded.problems().stream().map(Object::toString).toList());
        assertFalse(loaded.problems().toString().contains("abc"));

        Files.writeString(file, "redaction:\n  secrets: [long-enough-1]\n  patterns: ['token=(\\w+)']\n"
                + "  env: [MY_SECRET]\n");
        loaded = new ConfigLoader(Map.of("HOME", home.toString())).load(Optional.of(file));
        assertTrue(loaded.ok(), loaded.problems().toString());
        RedactionConfig rc = loaded.config().redaction();
        assertEquals(List.of("long-enough-1"), rc.secrets());
        assertEquals(List.of("token=(\\w+)"), rc.patterns());
        assertTrue(rc.env().containsAll(List.of("SMTP_PASSWORD", "MY_SECRET")),
                "added to the shipped names: " + rc.env());
    }

    @Test
    void aMalformedWebhookIsReportedWithoutItsPath() {
        assertEquals("htps://hooks.example.com/…", IncidentSection.hostPart("htps://hooks.example.com/x/T0KEN?k=1"));
        assertEquals("hooks.example.com/…", IncidentSection.hostPart("hooks.example.com/abc"));
        assertEquals("ftp://hooks", IncidentSection.hostPart("ftp://hooks"));
    }

    /** Presenter mode: on a big screen, addresses and host and user names are hidden too, whole words only. */
    @Test
    void theWallboardAlsoHidesAddressesAndNames() {
        Redaction wall = new Redaction(List.of("s3cret-Value"), List.of(), List.of())
                .forWallboard(List.of("ops", "db-host-7", "localhost"));
        assertEquals("login failed for user *** from *** (***:9042, token ***)", wall.text(
                "login failed for user ops from 10.0.0.5 (DB-HOST-7:9042, token s3cret-Value)"));
        assertEquals("http://***:8200/v1/sys/health · localhost:8182", wall.text(
                "http://127.0.0.1:8200/v1/sys/health · localhost:8182"));
        assertEquals("devops opsy ops-team 1.2.3 v10.0.0.5.1", wall.text("devops opsy ops-team 1.2.3 v10.0.0.5.1"),
                "only whole words and whole addresses");
    }
}
