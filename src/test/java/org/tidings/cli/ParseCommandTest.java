package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir Path dir;
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed", exchange -> {
            byte[] body = """
                    <rss version="2.0"><channel><title>Served</title><link>http://site.test/</link>
                    <item><title>One &amp; two</title><link>/posts/1</link><guid>p1</guid></item>
                    </channel></rss>""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void parsesAUrlResolvingLinksAgainstIt() throws Exception {
        String[] result = run("parse", "--json", base + "/feed");
        assertThat(result[0]).isEqualTo("0");
        JsonNode feed = new ObjectMapper().readTree(result[1]);
        assertThat(feed.get("title").asText()).isEqualTo("Served");
        assertThat(feed.get("items").get(0).get("title").asText()).isEqualTo("One & two");
        assertThat(feed.get("items").get(0).get("link").asText()).isEqualTo(base + "/posts/1");
    }

    @Test
    void severalInputsGiveJsonLinesWithAnErrorLineEach() throws Exception {
        Path file = dir.resolve("local.xml");
        Files.writeString(file, "<rss version=\"2.0\"><channel><title>Local</title></channel></rss>");
        String[] result = run("parse", "--json", file.toString(), base + "/missing", dir.resolve("nope.xml").toString());
        assertThat(result[0]).isEqualTo("0");
        String[] lines = result[1].split("\n");
        assertThat(lines).hasSize(3);
        assertThat(new ObjectMapper().readTree(lines[0]).get("title").asText()).isEqualTo("Local");
        assertThat(new ObjectMapper().readTree(lines[1]).get("error").asText()).contains("404");
        assertThat(new ObjectMapper().readTree(lines[2]).get("error").asText()).contains("no such file");
    }

    @Test
    void summaryNeverPrintsEscapeSequencesFromTheFeed() throws Exception {
        Path file = dir.resolve("hostile.xml");
        Files.writeString(file, "<rss version=\"2.0\"><channel><title>x\u001b[2Jy</title>"
                + "<item><title>a\u001b]52;c;ZXZpbA==\u0007b</title><description>&lt;b&gt;\u009b31m</description></item></channel></rss>");
        String[] result = run("parse", file.toString());
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
        assertThat(result[1]).contains("title: x");
    }

    @Test
    void controlCharacterReferencesAreRecoveredNotFatal() throws Exception {
        Path file = dir.resolve("refs.xml");
        Files.writeString(file, "<rss version=\"2.0\"><channel><title>x&#x1b;[2Jy</title>"
                + "<item><title>a&#x1b;]52;c;ZXZpbA==&#x07;b</title></item></channel></rss>");
        String[] result = run("parse", "--json", file.toString());
        assertThat(result[0]).isEqualTo("0");
        JsonNode feed = new ObjectMapper().readTree(result[1]);
        assertThat(feed.get("recovered").asBoolean()).isTrue();
        assertThat(feed.get("title").asText()).isEqualTo("x[2Jy");
        assertThat(feed.get("items").get(0).get("title").asText()).doesNotContain("\u001b").doesNotContain("\u0007");
    }
}
