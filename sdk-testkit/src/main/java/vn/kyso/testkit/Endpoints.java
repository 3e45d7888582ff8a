package vn.kyso.testkit;

import java.time.Instant;

/** The URLs a sandbox serves on one loopback port. Also written into the certificates. */
record Endpoints(int port) {
    static final String HOST = "127.0.0.1";

    Endpoints {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    String base() {
        return "http://" + HOST + ":" + port;
    }

    String tsa() {
        return base() + "/tsa";
    }

    String tsaAt(Instant time) {
        return tsa() + "/at/" + time.toEpochMilli();
    }

    String ocsp() {
        return base() + "/ocsp";
    }

    String crl() {
        return base() + "/crl/issuing.crl";
    }

    String rootCrl() {
        return base() + "/crl/root.crl";
    }

    String issuingCert() {
        return base() + "/ca/issuing.crt";
    }

    String rootCert() {
        return base() + "/ca/root.crt";
    }
}
