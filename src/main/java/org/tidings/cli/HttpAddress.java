package org.tidings.cli;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The daemon's {@code --http HOST:PORT} (or {@code daemon.http}): parsed and checked in this one
 * place, so a typo gets a message that names what was given. A bare port ({@code 9321} or
 * {@code :9321}) means loopback; IPv6 hosts are written in brackets ({@code [::1]:9321}).
 */
record HttpAddress(String host, int port) {
    static final String LOOPBACK = "127.0.0.1";

    HttpAddress {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code HOST:PORT}, {@code :PORT} or {@code PORT}; throws with a one-line reason. */
    static HttpAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        String port = colon < 0 ? value : value.substring(colon + 1);
        if (value.contains("/") || value.contains(" ")) {
            throw bad(text, "the host is a name or an IP address, without a scheme or path");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw bad(text, "write an IPv6 host in brackets, e.g. [::1]:9321");
        }
        if (!port.matches("\\d{1,5}")) {
            throw bad(text, port.isEmpty() ? "no port" : "the port '" + port + "' is not a number");
        }
        int number = Integer.parseInt(port);
        if (number > 65535) {
            throw bad(text, "the port must be between 1 and 65535 (0: any free port)");
        }
        return new HttpAddress(host.isEmpty() ? LOOPBACK : host, number);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid --http address '" + text.strip() + "': " + why
                + " (expected HOST:PORT such as 127.0.0.1:9321, or a port)");
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** The error for a bind that failed, naming this address. */
    IllegalStateException cannotServe(Exception e) {
        boolean bind = false;
        for (Throwable t = e; t != null && !bind; t = t.getCause()) {
            bind = t instanceof BindException;
        }
        String why = bind ? "the address is already in use or not available here" : org.tidings.model.Messages.of(e);
        return new IllegalStateException("cannot serve HTTP on " + this + ": " + why, e);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
