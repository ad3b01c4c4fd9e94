package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.HealthLevel;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Runbook §5.3: when the configured certificates expire — PEM files (the soonest-expiring certificate of each file) and
 * TLS endpoints (the certificate the server presents in a handshake; trust is not checked, only dates).
 */
public final class Certificates {
    private final int warnDays;
    private final int criticalDays;
    private final Duration timeout;

    public Certificates(int warnDays, int criticalDays, Duration timeout) {
        this.warnDays = warnDays;
        this.criticalDays = criticalDays;
        this.timeout = timeout;
    }

    /** @param base relative file names are resolved against it (the project checkout) */
    public List<CertStatus> check(List<String> files, Path base, List<String> endpoints, Instant now) {
        List<CertStatus> out = new ArrayList<>();
        for (String f : files) {
            Path p = base.resolve(f);
            out.add(file(p, now));
        }
        for (String e : endpoints) {
            out.add(endpoint(e, now));
        }
        return out;
    }

    CertStatus file(Path p, Instant now) {
        if (!Files.isRegularFile(p)) {
            return new CertStatus(p.toString(), "", null, 0, HealthLevel.UNKNOWN, "not found");
        }
        try (InputStream in = Files.newInputStream(p)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            return certs.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                    .min(Comparator.comparing(X509Certificate::getNotAfter))
                    .map(c -> judge(p.toString(), c, now))
                    .orElse(new CertStatus(p.toString(), "", null, 0, HealthLevel.UNKNOWN,
                            "no certificate in the file"));
        } catch (IOException | GeneralSecurityException e) {
            return new CertStatus(p.toString(), "", null, 0, HealthLevel.UNKNOWN,
                    "not a PEM certificate: " + e.getMessage());
        }
    }

    CertStatus endpoint(String hostPort, Instant now) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            return new CertStatus(hostPort, "", null, 0, HealthLevel.UNKNOWN, "not host:port");
        }
        String host = hostPort.substring(0, colon);
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new DatesOnly()}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                if (!host.matches("[0-9.:]+")) {
                    SSLParameters params = s.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(host)));
                    s.setSSLParameters(params);
                }
                s.startHandshake();
                Certificate[] chain = s.getSession().getPeerCertificates();
                return judge(hostPort, (X509Certificate) chain[0], now);
            }
        } catch (NumberFormatException e) {
            return new CertStatus(hostPort, "", null, 0, HealthLevel.UNKNOWN, "not host:port");
        } catch (IOException | GeneralSecurityException e) {
            return new CertStatus(hostPort, "", null, 0, HealthLevel.DOWN, "no TLS handshake: " + e.getMessage());
        }
    }

    private CertStatus judge(String source, X509Certificate c, Instant now) {
        Instant notAfter = c.getNotAfter().toInstant();
        long days = Duration.between(now, notAfter).toDays();
        String date = notAfter.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        HealthLevel level = notAfter.isBefore(now) || days < criticalDays ? HealthLevel.DOWN
                : days < warnDays ? HealthLevel.DEGRADED : HealthLevel.UP;
        String text = notAfter.isBefore(now) ? "expired " + date + " (" + -Duration.between(notAfter, now).toDays()
                + " days ago)" : "expires " + date + " (" + days + " days)";
        return new CertStatus(source, c.getSubjectX500Principal().getName(), notAfter, days, level, text);
    }

    /** Reads any certificate: the check is about dates, and an expired or self-signed one must still be read. */
    private static final class DatesOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // dates only; the connection carries nothing
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
