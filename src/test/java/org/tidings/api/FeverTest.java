package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.api.ApiWorld.OUTLET1;
import static org.tidings.api.ApiWorld.OUTLET3;
import static org.tidings.api.ApiWorld.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.tidings.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fever API as its clients call it: POST api_key to /api/fever/?api&..., checked against {@code articles --json}. */
@ParameterizedClass
@EnumSource(Backend.class)
class FeverTest {
    @Parameter Backend backend;
    @TempDir Path dir;
    ApiWorld world;
    String key;

    @BeforeEach
    void start() throws Exception {
        world = new ApiWorld(dir, backend.dbOption(dir), true, Duration.ofMillis(100));
        key = Fever.key(ApiWorld.USER, ApiWorld.PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode fever(String query, String key, String... form) throws Exception {
        String body = form.length == 0 ? "api_key=" + key : "api_key=" + key + "&" + form(form);
        HttpResponse<String> response = world.client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + world.server.address().getPort() + "/api/fever/?api" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FeedJson.MAPPER.readTree(response.body());
    }

    @Test
    void aWrongKeyIsNotAuthenticated() throws Exception {
        long start = System.nanoTime();
        JsonNode answer = fever("&items", "0".repeat(32));
        assertThat(answer.get("auth").asInt()).isZero();
        assertThat(answer.has("items")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(fever("", key).get("auth").asInt()).isEqualTo(1);
    }

    @Test
    void listsGroupsFeedsAndItemsByIdAndUnreadIds() throws Exception {
        JsonNode groups = fever("&groups", key);
        assertThat(groups.get("groups").findValuesAsText("title")).containsExactly("News");
        assertThat(groups.get("feeds_groups").get(0).get("feed_ids").asText().split(",")).hasSize(2);
        JsonNode feeds = fever("&feeds", key).get("feeds");
        assertThat(feeds.findValuesAsText("url")).contains(OUTLET1, OUTLET3);

        List<Long> ids = new ArrayList<>();
        long since = 0;
        while (true) {
            JsonNode items = fever("&items&since_id=" + since, key);
            assertThat(items.get("total_items").asInt()).isEqualTo(29);
            if (items.get("items").isEmpty()) {
                break;
            }
            for (JsonNode item : items.get("items")) {
                ids.add(item.get("id").asLong());
                since = Math.max(since, item.get("id").asLong());
            }
        }
        assertThat(ids).hasSize(29).isSorted();
        JsonNode unread = fever("&unread_item_ids", key);
        assertThat(unread.get("unread_item_ids").asText().split(",")).hasSize(29);
    }

    @Test
    void marksItemsAndFeedsAndStoryCopiesFollow() throws Exception {
        long budget = world.articlesJson().get("Senate passes budget").get(0).get("id").asLong();
        fever("", key, "mark", "item", "as", "read", "id", Long.toString(budget));
        assertThat(world.articlesJson().get("Senate passes budget")).allSatisfy(n -> assertThat(n.get("read").asBoolean()).isTrue());
        fever("", key, "mark", "item", "as", "saved", "id", Long.toString(budget));
        assertThat(world.articlesJson("--starred").keySet()).containsExactly("Senate passes budget");
        assertThat(fever("&saved_item_ids", key).get("saved_item_ids").asText()).isEqualTo(Long.toString(budget));

        long feed = world.feedIds.get(OUTLET3);
        long before = Instant.parse("2026-11-01T12:00:00Z").getEpochSecond();
        fever("", key, "mark", "feed", "as", "read", "id", Long.toString(feed), "before", Long.toString(before));
        assertThat(world.articlesJson("--unread", "--feed", OUTLET3)).hasSize(18);
        String[] unread = fever("&unread_item_ids", key).get("unread_item_ids").asText().split(",");
        assertThat(Arrays.asList(unread)).hasSize(18 + 2);

        String state = world.articlesJson().toString();
        for (String malformed : List.of("mark=item&as=read&id=abc", "mark=item&as=gone&id=1", "mark=feed&as=unread&id=1",
                "mark=group&as=read&id=999", "mark=feed&as=read&id=999", "items&with_ids=1,x")) {
            HttpResponse<String> response = world.client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + world.server.address().getPort() + "/api/fever/?api"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("api_key=" + key + "&" + malformed)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
        }
        assertThat(world.articlesJson().toString()).isEqualTo(state);
    }
}
