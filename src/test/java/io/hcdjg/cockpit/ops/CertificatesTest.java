package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.HealthLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.InetAddress;
import java.util.ArrayList;

/** Real certificates made by the JDK's keytool: PEM files and a TLS server on 127.0.0.1. */
class CertificatesTest {
    @TempDir
    static Path dir;

    private static void keytool(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    /** A key pair valid for {@code days}, its certificate as PEM at {@code <name>.pem}. */
    private static Path make(String name, int days) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        if (!Files.exists(ks)) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                    String.valueOf(days), "-dname", "CN=" + name, "-keystore", ks.toString(), "-storepass", "changeit");
            keytool("-exportcert", "-rfc", "-alias", name, "-keystore", ks.toString(), "-storepass", "changeit",
                    "-file", dir.resolve(name + ".pem").toString());
        }
        return ks;
    }

    private final Certificates certs = new Certificates(30, 7, Duration.ofSeconds(3));

    @Test
    void pemFilesAreJudgedByDaysLeft() throws Exception {
        make("fresh", 365);
        make("soon", 20);
        make("urgent", 5);
        Files.writeString(dir.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        List<CertStatus> s = certs.check(List.of("fresh.pem", "soon.pem", "urgent.pem", "missing.pem", "garbage.pem"),
                dir, List.of(), Instant.now());
        assertEquals(List.of(HealthLevel.UP, HealthLevel.DEGRADED, HealthLevel.DOWN, HealthLevel.UNKNOWN,
                HealthLevel.UNKNOWN), s.stream().map(CertStatus::level).toList());
        assertEquals("CN=soon", s.get(1).subject());
        assertTrue(s.get(1).text().matches("expires \\d{4}-\\d\\d-\\d\\d \\(19 days\\)"), s.get(1).text());
        assertEquals("not found", s.get(3).text());
        assertTrue(s.get(4).text().startsWith("not a PEM certificate"), s.get(4).text());
        // a year later, the fresh one has expired
        CertStatus later = certs.check(List.of("fresh.pem"), dir, List.of(), Instant.now().plus(Duration.ofDays(400)))
                .get(0);
        assertEquals(HealthLevel.DOWN, later.level());
        assertTrue(later.text().startsWith("expired "), later.text());
    }

    @Test
    void aTlsEndpointIsReadByHandshake() throws Exception {
        Path ks = make("endpoint", 10);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                } catch (Exception ignored) {
                    // the client hangs up after reading the certificate
                }
            });
            CertStatus s = certs.check(List.of(), dir, List.of("127.0.0.1:" + server.getLocalPort()), Instant.now())
                    .get(0);
            assertEquals(HealthLevel.DEGRADED, s.level(), s.text());
            assertEquals("CN=endpoint", s.subject());
            t.join(5000);
        }
        CertStatus closed = certs.check(List.of(), dir, List.of("127.0.0.1:1"), Instant.now()).get(0);
        assertEquals(HealthLevel.DOWN, closed.level());
        assertTrue(closed.text().startsWith("no TLS handshake: "), closed.text());
    }
}
